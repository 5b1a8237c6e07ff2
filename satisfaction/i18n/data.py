"""The Data page's words: uploading and checking a file, the list of loads, undo, templates."""

TEXT: dict[str, tuple[str, str]] = {
    "data_intro": (
        "Load CSV exports (UTF-8, GBK or UTF-16; comma, semicolon or tab). Every row is checked "
        "before anything is written; a file loads whole or not at all.",
        "加载 CSV 导出文件（UTF-8、GBK 或 UTF-16；逗号、分号或制表符分隔）。写入前逐行校验；"
        "文件要么全部加载，要么不加载。",
    ),
    "kind": ("Record kind", "记录类型"),
    "upload": ("CSV file", "CSV 文件"),
    "upload_help": (
        "A CSV export of up to {mb} MB, in UTF-8, GBK or Unicode text; whatever its name, a file "
        "that is not CSV text is refused.",
        "最大 {mb} MB 的 CSV 导出文件，编码为 UTF-8、GBK 或 Unicode 文本；无论文件名如何，"
        "不是 CSV 文本的文件都会被拒绝。",
    ),
    "upload_too_large": (
        "The file is larger than the {mb} MB this dashboard accepts. Split it, or ask an analyst "
        "to load it with the command line (python -m satisfaction load).",
        "文件超过本仪表板可接受的 {mb} MB。请将其拆分，或请分析员用命令行加载"
        "（python -m satisfaction load）。",
    ),
    "mapping": ("Column mapping", "列映射"),
    "no_mapping": ("(headers as in the contract)", "（表头与契约一致）"),
    "preview": ("First rows of the file", "文件前几行"),
    "check_ok": ("{rows:,} rows passed every check.", "{rows:,} 行全部通过校验。"),
    "check_problems": ("{bad:,} of {rows:,} rows have problems.", "{rows:,} 行中有 {bad:,} 行有问题。"),
    "skip_bad_rows": ("Load the good rows and set the bad ones aside",
                      "加载合格的行，问题行单独保存"),
    "confirm_load": ("Load {rows:,} rows", "加载 {rows:,} 行"),
    "loaded": ("Loaded as batch {batch}: {rows:,} rows, {rejected:,} set aside.",
               "已加载为批次 {batch}：{rows:,} 行，另存 {rejected:,} 行问题数据。"),
    "refused": ("Refused: nothing was written.", "已拒绝：未写入任何数据。"),
    "batches": ("Loads", "加载记录"),
    "undone": ("Batch {batch} undone: {rows:,} rows removed.", "批次 {batch} 已撤销：删除 {rows:,} 行。"),
    "rejected_rows": ("Rows set aside by batch", "批次的问题行"),
    "templates": ("CSV templates", "CSV 模板"),
    "batch": ("Batch", "批次"),
    "file_name": ("File", "文件"),
    "rows_loaded": ("Rows loaded", "已加载行数"),
    "rows_rejected": ("Rows set aside", "问题行数"),
    "loaded_by": ("Loaded by", "加载人"),
    "loaded_at": ("Loaded at", "加载时间"),
    "undone_at": ("Undone at", "撤销时间"),
    "undone_by": ("Undone by", "撤销人"),
    "encoding_found": ("Encoding {encoding}, delimiter {delimiter}", "编码 {encoding}，分隔符 {delimiter}"),
    "problems_shown": ("Problems (first {shown} of {total})", "问题（前 {shown} 条，共 {total} 条）"),
    "line": ("Line", "行"),
    "column": ("Column", "列"),
    "value": ("Value", "值"),
    "reason": ("Reason", "原因"),
    "mapping_editor": (
        "Map this file's headers onto the contract's columns once; the mapping is saved by name "
        "and offered for every later file.",
        "将此文件的表头对应到契约列，按名称保存，以后的文件可直接选用。",
    ),
    "mapping_name": ("Mapping name", "映射名称"),
    "save_mapping": ("Save mapping and check again", "保存映射并重新校验"),
    "ignored_columns": ("Columns not in the contract, ignored: {columns}", "契约之外的列（已忽略）：{columns}"),
    "data_delimiter_tab": ("Tab", "制表符"),
    "data_not_mapped": ("(not used)", "（不使用）"),
    "data_problems": ("Problems", "问题"),
    "data_record": ("Record as read", "原始记录"),
    "data_template_help": ("The header row of this kind's contract, as a CSV file.",
                           "该记录类型契约的表头行（CSV 文件）。"),
    # failures: every one becomes a message, and the store is as it was
    "data_failed": ("Something went wrong, so nothing was changed. The details are in the "
                    "dashboard's log.",
                    "出现错误，数据未作任何更改。详细信息已写入仪表盘日志。"),
    "data_disk_full": ("The disk is full, so nothing was changed. Free some space and try again.",
                       "磁盘已满，数据未作任何更改。请释放空间后重试。"),
    # the list of loads and undo
    "data_choose_batch": ("Choose a load in the list to undo it or to see the rows it set aside.",
                          "在列表中选择一条加载记录，即可撤销该批次或查看其问题行。"),
    "data_batch_heading": ("Batch {batch}: {file}", "批次 {batch}：{file}"),
    "data_batch_summary": ("{rows:,} rows of {kind}, {rejected:,} set aside; loaded by {user} "
                           "at {loaded_at}.",
                           "{kind} {rows:,} 行，问题行 {rejected:,} 行；由 {user} 于 {loaded_at} 加载。"),
    "data_batch_was_undone": ("Undone at {undone_at} by {user}: its rows are no longer in the "
                              "store.", "已由 {user} 于 {undone_at} 撤销：其数据已不在数据库中。"),
    "data_undo_start": ("Undo batch {batch}…", "撤销批次 {batch}…"),
    "data_undo_question": (
        "Undo batch {batch} — {file}, {rows:,} rows of {kind}, loaded at {loaded_at}? Its rows "
        "leave every page; the batch stays listed as undone.",
        "确定撤销批次 {batch}（{file}，{kind} {rows:,} 行，加载于 {loaded_at}）？其数据将从所有页面"
        "移除，批次仍保留在列表中并标记为已撤销。",
    ),
    "data_undo_yes": ("Yes, undo batch {batch}", "确认撤销批次 {batch}"),
    "data_undo_cancel": ("Cancel", "取消"),
    "data_batch_changed": ("Batch {batch} was undone or changed meanwhile, so nothing was undone.",
                           "批次 {batch} 已在此期间被撤销或更改，本次未撤销任何数据。"),
}
