"""Sign-in, roles and the record of who changed what: the words of satisfaction.ui.user and
the Data page's list of changes."""

TEXT: dict[str, tuple[str, str]] = {
    "access_role_viewer": ("viewer", "查看者"),
    "access_role_analyst": ("analyst", "分析员"),
    "access_role_admin": ("administrator", "管理员"),
    "access_sign_in_intro": (
        "This dashboard holds confidential survey data: sign in to see it.",
        "本仪表盘含有保密的调查数据，请登录后查看。"),
    "access_sign_in": ("Sign in", "登录"),
    "access_sign_out": ("Sign out", "退出登录"),
    "access_not_admitted": (
        "{email} is signed in but has no access to this dashboard. Ask its administrator to "
        "add you, or sign out and sign in with another account.",
        "{email} 已登录，但没有本仪表盘的访问权限。请联系管理员添加，或退出后换一个账号登录。"),
    "access_roles_broken": (
        "The dashboard's roles file cannot be read, so nobody is admitted. Its administrator "
        "will find the reason in the error log.",
        "仪表盘的角色文件无法读取，因此暂不允许任何人访问。管理员可在错误日志中查看原因。"),
    "access_signed_in": ("Signed in as {user} ({role}).", "已登录：{user}（{role}）。"),
    "access_scope": ("You see the records of {rows} only.", "您只能看到 {rows} 的记录。"),
    "access_local": (
        "Local use: no sign-in is configured, so you ({user}) are the administrator.",
        "本地使用：未配置登录，您（{user}）即为管理员。"),
    "access_refused": ("Not done: your role may not do this.", "未执行：您的角色无权进行此操作。"),
    "access_page_refused": ("Your role ({role}) may not open this page.",
                            "您的角色（{role}）无权打开此页面。"),
    # the Data page's record of changes
    "changes": ("Who changed what", "变更记录"),
    "changed_at": ("When", "时间"),
    "changed_by": ("By", "操作人"),
    "change": ("Change", "变更"),
    "change_subject": ("What", "对象"),
    "change_load": ("load", "加载"),
    "change_undo": ("undo", "撤销"),
    "change_target": ("target", "目标值"),
    "change_benchmark": ("benchmark", "竞争对手基准"),
    "change_mapping": ("column mapping", "列映射"),
    "note_not_yours": ("Only its author, or an administrator removing it, may change this note.",
                       "只有作者本人可以修改这条备注，管理员可以删除它。"),
    "change_note": ("note", "备注"),
    "change_note_edit": ("note edited", "备注修改"),
    "change_note_remove": ("note removed", "备注删除"),
}
