<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BuyTimeDialog</name>
    <message>
        <location filename="../../ui/callbacks.py" line="+42"/>
        <source>Buy time: promise a callback</source>
        <translation>争取时间：约定回电</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say</source>
        <translation>可以这样说</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In</source>
        <translation>在</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 minutes</source>
        <translation>%1 分钟后</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call back</source>
        <translation>回电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>定于</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What you will find out or do before calling</source>
        <translation>回电前要查明或办理的事项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>That time has already passed. Choose a time in the future.</source>
        <translation>该时间已过，请选择一个将来的时间。</translation>
    </message>
</context>
<context>
    <name>CallbackBannerWidget</name>
    <message>
        <location line="+28"/>
        <source>Open case</source>
        <translation>打开投诉单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Called back</source>
        <translation>已回电</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All callbacks</source>
        <translation>全部回电</translation>
    </message>
    <message>
        <location line="+26"/>
        <source> (+%1 more)</source>
        <translation>（另有 %1 个回电）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OVERDUE by %1: you promised to call back %2 (case %3)</source>
        <translation>已超时 %1：您承诺给 %2 回电（投诉单 %3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call back in %1: %2 (case %3)</source>
        <translation>%1 后回电：%2（投诉单 %3）</translation>
    </message>
</context>
<context>
    <name>CaseEditorWidget</name>
    <message>
        <location filename="../../ui/case_editor.py" line="+58"/>
        <source>Mark resolved</source>
        <translation>标记为已解决</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close case</source>
        <translation>结案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any format, e.g. 138 0013 8000</source>
        <translation>格式不限，例如 138 0013 8000</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID / member no.</source>
        <translation>证件号 / 会员号</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is the same customer</source>
        <translation>是同一位客户</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>In the customer&apos;s own words</source>
        <translation>按客户的原话记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer style</source>
        <translation>客户性格</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stage</source>
        <translation>处理阶段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Responsible department</source>
        <translation>责任部门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Responsible person</source>
        <translation>责任人</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options offered</source>
        <translation>提供的方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chosen solution</source>
        <translation>选定的方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the flaw</source>
        <translation>弥补缺陷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is done about the product or service itself</source>
        <translation>针对产品或服务本身采取的措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the impact</source>
        <translation>消减影响</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is done for the customer: their time, cost, trouble</source>
        <translation>为客户做的弥补：耽误的时间、花费和麻烦</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>处理情况</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on</source>
        <translation>定于</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>回访状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root cause</source>
        <translation>根本原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preventive measure</source>
        <translation>预防措施</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changes so that this does not happen again</source>
        <translation>做出哪些改变，避免再次发生</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Follow-up and review</source>
        <translation>回访与复盘</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No case open — press Ctrl+N for a new case</source>
        <translation>未打开投诉单——按 Ctrl+N 新建投诉单</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case %1 · %2 · opened %3</source>
        <translation>投诉单 %1 · %2 · 受理于 %3</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Known customer: %1 — %2 earlier case(s)</source>
        <translation>已有记录的客户：%1——此前有 %2 张投诉单</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <location filename="../../ui/case_list.py" line="+48"/>
        <source>Search cases, customers, phone, notes (Ctrl+F)</source>
        <translation>搜索投诉单、客户、电话、备注（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest first</source>
        <translation>最早的在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recently changed</source>
        <translation>最近修改的在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most severe</source>
        <translation>最严重的在前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next callback</source>
        <translation>按回电时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue callbacks only</source>
        <translation>仅显示超时未回电</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cases</source>
        <translation>投诉单</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-ups due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Case</source>
        <translation>投诉单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Callback</source>
        <translation>回电</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Follow-ups due (%1)</source>
        <translation>待回访（%1）</translation>
    </message>
</context>
<context>
    <name>ClearPanelWidget</name>
    <message>
        <location filename="../../ui/clear_panel.py" line="+42"/>
        <source>CLEAR steps</source>
        <translation>CLEAR 步骤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ctrl+%1 ticks this step</source>
        <translation>按 Ctrl+%1 勾选此步骤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show what to do and say</source>
        <translation>查看做法和话术</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Buy time (callback promise)</source>
        <translation>争取时间（约定回电）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+B — promise a callback and start a countdown</source>
        <translation>Ctrl+B——约定回电并开始倒计时</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Principle</source>
        <translation>原则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Techniques</source>
        <translation>技巧</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Say</source>
        <translation>可以这样说</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Avoid</source>
        <translation>避免</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm understanding</source>
        <translation>确认理解</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the customer&apos;s style in the case to see how to talk with them.</source>
        <translation>在投诉单中选择客户性格，即可查看与其沟通的方法。</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/guide_dialog.py" line="+18"/>
        <source>Method guide</source>
        <translation>方法指南</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handling principles</source>
        <translation>处理原则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint value chain</source>
        <translation>投诉处理价值链</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Six-step process</source>
        <translation>六步处理流程</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer styles</source>
        <translation>客户性格类型</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sources of dissatisfaction</source>
        <translation>客户不满的来源</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../ui/letter_dialog.py" line="+59"/>
        <source>Thank-you letter</source>
        <translation>感谢信</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of the letter</source>
        <translation>信函语言</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Draft again from the case</source>
        <translation>根据投诉单重新起草</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export text…</source>
        <translation>导出文本…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export letter</source>
        <translation>导出信函</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter could not be written: %1</source>
        <translation>无法写入信函：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="+104"/>
        <location filename="../../ui/main_window.py" line="+116"/>
        <source>New case</source>
        <translation>新建投诉单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-65"/>
        <source>Restored notes that had not been added yet.</source>
        <translation>已恢复尚未添加的备注。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+134"/>
        <source>ClearDesk</source>
        <translation>ClearDesk</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+177"/>
        <location line="+11"/>
        <source>Read-only: nothing you change is saved.</source>
        <translation>只读模式：所做的修改都不会保存。</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Buy time</source>
        <translation>争取时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank-you letter</source>
        <translation>感谢信</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method guide</source>
        <translation>方法指南</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick step %1</source>
        <translation>勾选步骤 %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+45"/>
        <source>Open or create a case first.</source>
        <translation>请先打开或新建投诉单。</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Callback overdue</source>
        <translation>回电已超时</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ClearDesk found damage in its database. What you type is still being saved, but the file needs repair: close ClearDesk and start it again to restore the last backup (the damaged file is kept).</source>
        <translation>ClearDesk 发现数据库文件已损坏。您输入的内容仍在保存，但文件需要修复：请关闭 ClearDesk 并重新启动，以恢复最近一次备份（损坏的文件会保留）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The daily backup could not be made: %1</source>
        <translation>今天的备份未能完成：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>That text is too long to save (over 10 million characters). Shorten it or attach it as a file elsewhere.</source>
        <translation>文字太长，无法保存（超过一千万个字符）。请删减内容，或另存为文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That time has already passed. Choose a time in the future.</source>
        <translation>该时间已过，请选择一个将来的时间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is busy (another window or program is writing). What you typed is kept on screen; try again in a moment.</source>
        <translation>数据库正忙（另一个窗口或程序正在写入）。您输入的内容仍保留在屏幕上，请稍后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database reported damage. Close ClearDesk; at the next start you can restore the last backup.</source>
        <translation>数据库报告文件已损坏。请关闭 ClearDesk，下次启动时可以恢复最近一次备份。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database cannot be written (disk full or no permission). What you typed is kept on screen.</source>
        <translation>无法写入数据库（磁盘已满或没有权限）。您输入的内容仍保留在屏幕上。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
</context>
<context>
    <name>NotesWidget</name>
    <message>
        <location filename="../../ui/notes_widget.py" line="+58"/>
        <source>Type notes during the call; they are saved as you type. Ctrl+Enter adds the note.</source>
        <translation>通话时在这里记录备注，输入的内容会自动保存。按 Ctrl+Enter 添加备注。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add note</source>
        <translation>添加备注</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What you told the customer, before they had to ask</source>
        <translation>在客户追问之前，您主动告知客户的进展</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record update</source>
        <translation>记录进展</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updates to customer</source>
        <translation>进展告知</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unsaved note restored</source>
        <translation>已恢复未保存的备注</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Not saved yet — retrying</source>
        <translation>尚未保存——正在重试</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft saved %1</source>
        <translation>草稿已于 %1 保存</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Note added</source>
        <translation>备注已添加</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+21"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>您的姓名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation (letters)</source>
        <translation>单位名称（用于信函）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by (letters)</source>
        <translation>落款人（用于信函）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
</context>
<context>
    <name>StartupProblemDialog</name>
    <message>
        <location filename="../../ui/db_dialogs.py" line="+33"/>
        <source>ClearDesk cannot open its database</source>
        <translation>ClearDesk 无法打开数据库</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File: %1
Detail: %2</source>
        <translation>文件：%1
详情：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the last backup</source>
        <translation>恢复最近一次备份</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another file…</source>
        <translation>选择其他文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The database is locked by another program (a backup tool, or another copy of ClearDesk busy writing). Wait a moment and try again, or open it read-only to look at your cases.</source>
        <translation>数据库被另一个程序锁定（可能是备份工具，或另一个正在写入的 ClearDesk）。请稍候再试，或以只读方式打开，查看您的投诉单。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database file is damaged. Nothing has been deleted. You can restore the last backup (the damaged file is kept beside it), open it read-only to copy out what you need, or choose another file.</source>
        <translation>数据库文件已损坏，但没有删除任何内容。您可以恢复最近一次备份（损坏的文件会保留在同一文件夹中），也可以以只读方式打开并复制所需内容，或选择其他文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database was written by a newer version of ClearDesk (format %1; this version reads up to %2). Update ClearDesk, or choose another file.</source>
        <translation>此数据库由更新版本的 ClearDesk 写入（格式 %1；本版本最高只能读取 %2）。请升级 ClearDesk，或选择其他文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database file does not exist any more.</source>
        <translation>数据库文件已不存在。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClearDesk cannot write to the database folder. Check that the disk is not full and that you may write there, or choose another file.</source>
        <translation>ClearDesk 无法写入数据库所在的文件夹。请检查磁盘是否已满、您是否有写入权限，或选择其他文件。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the damaged database with the backup from %1? The damaged file is kept next to it.</source>
        <translation>要用 %1 的备份替换已损坏的数据库吗？损坏的文件会保留在同一文件夹中。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backup restored</source>
        <translation>备份已恢复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The damaged file was kept as %1.</source>
        <translation>损坏的文件已保留为 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a database file</source>
        <translation>选择数据库文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClearDesk database (*.db)</source>
        <translation>ClearDesk 数据库 (*.db)</translation>
    </message>
</context>
</TS>
