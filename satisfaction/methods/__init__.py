"""Pure statistical methods: no streamlit, no duckdb; formulas and references in each docstring."""
