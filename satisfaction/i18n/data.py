"""The Data page's words beyond the shell's: messages left by its load and undo buttons."""

TEXT: dict[str, tuple[str, str]] = {
    "data_not_undone": ("Nothing was undone.", "未撤销任何批次。"),
}
