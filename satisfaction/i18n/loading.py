"""The loader's words: why a file is refused, what is wrong with a value, and the report.

Keys are ``loader_`` + a reason code of :mod:`satisfaction.loading.report`; the command line
prints the English, the Data page shows the language of the interface.
"""

TEXT: dict[str, tuple[str, str]] = {
    # the file as a whole
    "loader_no_file": ("There is no file at {path}.", "{path} 处没有文件。"),
    "loader_cannot_read": ("The file cannot be read: {error}.", "无法读取该文件：{error}。"),
    "loader_empty_file": ("The file is empty.", "文件是空的。"),
    "loader_no_header": ("The file is empty: it has no header line.", "文件是空的：没有表头行。"),
    "loader_binary": (
        "This is not a text file (it contains NUL bytes). Export the data as CSV "
        "(UTF-8, GBK or Unicode text) and load that.",
        "这不是文本文件（含有 NUL 字节）。请将数据导出为 CSV（UTF-8、GBK 或 Unicode 文本）后再加载。",
    ),
    "loader_binary_format": (
        "This is a {format} file, not CSV text. Export the data as CSV (UTF-8, GBK or Unicode "
        "text) and load that.",
        "这是 {format} 文件，不是 CSV 文本。请将数据导出为 CSV（UTF-8、GBK 或 Unicode 文本）后再加载。",
    ),
    "loader_nul_byte": (
        "Line {line} contains a NUL byte, which no text holds: the file is not CSV text, or that "
        "line is damaged. Export the data as CSV (UTF-8, GBK or Unicode text) again.",
        "第 {line} 行含有 NUL 字节，文本中不应出现：该文件不是 CSV 文本，或该行已损坏。"
        "请重新将数据导出为 CSV（UTF-8、GBK 或 Unicode 文本）。",
    ),
    "loader_bad_bytes": (
        "Line {line}: bytes that are not valid {encoding} (nor any other encoding accepted: "
        "UTF-8, GBK/GB18030, UTF-16). Save the file again with one encoding throughout.",
        "第 {line} 行：字节不是有效的 {encoding}（也不是其他可接受的编码：UTF-8、GBK/GB18030、UTF-16）。"
        "请将整个文件用同一种编码重新保存。",
    ),
    "loader_mixed_encoding": (
        "Line {line} is not UTF-8 like the rest of the file (it looks like another encoding, "
        "such as GBK). Save the file again with one encoding throughout.",
        "第 {line} 行不像文件的其余部分那样是 UTF-8 编码（像是 GBK 等其他编码）。"
        "请将整个文件用同一种编码重新保存。",
    ),
    "loader_mixed_encoding_utf8": (
        "Line {line} is UTF-8 while the rest of the file is GBK. Save the file again with one "
        "encoding throughout.",
        "第 {line} 行是 UTF-8 编码，而文件其余部分是 GBK 编码。请将整个文件用同一种编码重新保存。",
    ),
    "loader_line_too_long": (
        "Line {line} starts a record longer than {limit:,} characters, the most one record may "
        "hold (is a quote left open?).",
        "第 {line} 行开始的记录超过 {limit:,} 个字符，超出单条记录的上限（是否有引号未闭合？）。",
    ),
    "loader_unterminated_quote": (
        "Line {line} opens a quoted field that is never closed, so the rest of the file cannot "
        "be read. Close the quote or remove it.",
        "第 {line} 行的引号字段没有闭合，文件其余部分无法读取。请补上或删除该引号。",
    ),
    "loader_duplicate_header": (
        "Both header {first!r} and {second!r} map to the column {column!r}; remove one or fix "
        "the column mapping.",
        "表头 {first!r} 和 {second!r} 都对应列 {column!r}；请删除其中一个，或修改列映射。",
    ),
    "loader_missing_columns": (
        "Required column missing: {expected}. The file's header has: {headers}. Rename the "
        "header or save a column mapping.",
        "缺少必需的列：{expected}。文件的表头为：{headers}。请修改表头或保存列映射。",
    ),
    "loader_column_or_aliases": ("{column} (or {aliases})", "{column}（或 {aliases}）"),
    "loader_already_loaded": (
        "This file's content was already loaded as batch {batch} on {when}; loading it again "
        "would count it twice.",
        "该文件的内容已于 {when} 作为批次 {batch} 加载；再次加载会重复计数。",
    ),
    "loader_no_space": (
        "There is no space left on the disk, so nothing was loaded and the store is as it was. "
        "Free some space and load the file again.",
        "磁盘空间已满，未加载任何数据，数据库保持原样。请释放空间后重新加载。",
    ),
    # the report
    "loader_no_rows": ("The file has a header but no data rows.", "文件只有表头，没有数据行。"),
    "loader_rows_have_problems": (
        "{bad:,} of {total:,} rows have problems, so nothing was loaded. Fix them, or load with "
        "the option to skip bad rows.",
        "{total:,} 行中有 {bad:,} 行有问题，因此未加载任何数据。请修正，或选择跳过有问题的行后加载。",
    ),
    "loader_every_row_bad": ("Every row has a problem, so nothing was loaded.",
                             "每一行都有问题，因此未加载任何数据。"),
    "loader_can_load": ("{rows:,} rows can be loaded.", "可以加载 {rows:,} 行。"),
    "loader_more_problems": ("... and {count:,} more problems.", "……另有 {count:,} 个问题。"),
    "loader_ignored_columns": ("Columns not in the contract, ignored: {columns}",
                               "不在数据规范中的列（已忽略）：{columns}"),
    "loader_problem": ("line {line}, {column} = {value}: {reason}",
                       "第 {line} 行，{column} = {value}：{reason}"),
    "loader_set_aside_problem": ("{column} = {value}: {reason}", "{column} = {value}：{reason}"),
    "loader_empty_value": ("empty", "空"),
    "loader_whole_row": ("(whole row)", "（整行）"),
    # what is wrong with a value or a row
    "loader_required": ("is required but empty", "为必填项，但为空"),
    "loader_not_date": ("is not a date (write YYYY-MM-DD or YYYY/M/D)",
                        "不是日期（请写作 YYYY-MM-DD 或 YYYY/M/D）"),
    "loader_implausible_date": ("is not a plausible date", "不是合理的日期"),
    "loader_not_number": ("is not a number", "不是数字"),
    "loader_not_finite": ("is not a finite number", "不是有限的数字"),
    "loader_not_whole": ("is not a whole number", "不是整数"),
    "loader_negative": ("is negative; a count must be 0 or more", "为负数；计数必须大于或等于 0"),
    "loader_too_large": ("is too large for a count (at most {limit:,})",
                         "作为计数过大（最大 {limit:,}）"),
    "loader_outside_scale": ("is outside the scale {low}–{high}", "超出量表范围 {low}–{high}"),
    "loader_not_bool": ("is not yes or no (1/0, true/false, yes/no, 是/否)",
                        "不是“是”或“否”（1/0、true/false、yes/no、是/否）"),
    "loader_not_dimension": (
        "is not a RATER dimension (reliability, assurance, tangibles, empathy, responsiveness)",
        "不是 RATER 维度（可靠性、保证性、有形性、移情性、响应性）",
    ),
    "loader_not_kano": (
        "is not a Kano answer (1–5, like, must-be, neutral, live-with, dislike, "
        "喜欢, 理所当然, 无所谓, 能忍受, 不喜欢)",
        "不是卡诺问卷答案（1–5、喜欢、理所当然、无所谓、能忍受、不喜欢）",
    ),
    "loader_duplicate_key": ("the key ({columns}) appears {copies:,} times in this file",
                             "键（{columns}）在本文件中出现了 {copies:,} 次"),
    "loader_key_in_store": ("the key ({columns}) is already in the store", "键（{columns}）已存在于数据库中"),
    "loader_field_count": ("has {found} fields where the header has {expected}",
                           "有 {found} 个字段，而表头有 {expected} 个"),
    "loader_bad_quotes": (
        "has a quote in the wrong place (a closing quote must be followed by the delimiter or "
        "the end of the line)",
        "引号位置不对（闭合引号后必须紧跟分隔符或行尾）",
    ),
}
