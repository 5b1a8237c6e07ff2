"""Customer-satisfaction store, loading, methods and charts: the core behind the dashboard."""
