<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>BuyTimeDialog</name>
    <message>
        <location filename="../../ui/callbacks.py" line="+42"/>
        <source>Buy time: promise a callback</source>
        <translation>Buy time: promise a callback</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say</source>
        <translation>Say</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 minutes</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Call back</source>
        <translation>Call back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>What you will find out or do before calling</source>
        <translation>What you will find out or do before calling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>That time has already passed. Choose a time in the future.</source>
        <translation>That time has already passed. Choose a time in the future.</translation>
    </message>
</context>
<context>
    <name>CallbackBannerWidget</name>
    <message>
        <location line="+28"/>
        <source>Open case</source>
        <translation>Open case</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Called back</source>
        <translation>Called back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All callbacks</source>
        <translation>All callbacks</translation>
    </message>
    <message>
        <location line="+26"/>
        <source> (+%1 more)</source>
        <translation> (+%1 more)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OVERDUE by %1: you promised to call back %2 (case %3)</source>
        <translation>OVERDUE by %1: you promised to call back %2 (case %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Call back in %1: %2 (case %3)</source>
        <translation>Call back in %1: %2 (case %3)</translation>
    </message>
</context>
<context>
    <name>CaseEditorWidget</name>
    <message>
        <location filename="../../ui/case_editor.py" line="+58"/>
        <source>Mark resolved</source>
        <translation>Mark resolved</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close case</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any format, e.g. 138 0013 8000</source>
        <translation>Any format, e.g. 138 0013 8000</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID / member no.</source>
        <translation>ID / member no.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This is the same customer</source>
        <translation>This is the same customer</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>In the customer&apos;s own words</source>
        <translation>In the customer&apos;s own words</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer style</source>
        <translation>Customer style</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Responsible department</source>
        <translation>Responsible department</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Responsible person</source>
        <translation>Responsible person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options offered</source>
        <translation>Options offered</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chosen solution</source>
        <translation>Chosen solution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the flaw</source>
        <translation>Fix the flaw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is done about the product or service itself</source>
        <translation>What is done about the product or service itself</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the impact</source>
        <translation>Fix the impact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is done for the customer: their time, cost, trouble</source>
        <translation>What is done for the customer: their time, cost, trouble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up visit</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Root cause</source>
        <translation>Root cause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preventive measure</source>
        <translation>Preventive measure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What changes so that this does not happen again</source>
        <translation>What changes so that this does not happen again</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Follow-up and review</source>
        <translation>Follow-up and review</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No case open — press Ctrl+N for a new case</source>
        <translation>No case open — press Ctrl+N for a new case</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Case %1 · %2 · opened %3</source>
        <translation>Case %1 · %2 · opened %3</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Known customer: %1 — %2 earlier case(s)</source>
        <translation>Known customer: %1 — %2 earlier case(s)</translation>
    </message>
</context>
<context>
    <name>CaseListWidget</name>
    <message>
        <location filename="../../ui/case_list.py" line="+48"/>
        <source>Search cases, customers, phone, notes (Ctrl+F)</source>
        <translation>Search cases, customers, phone, notes (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any status</source>
        <translation>Any status</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any source</source>
        <translation>Any source</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Newest first</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest first</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recently changed</source>
        <translation>Recently changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most severe</source>
        <translation>Most severe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next callback</source>
        <translation>Next callback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue callbacks only</source>
        <translation>Overdue callbacks only</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-ups due</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Callback</source>
        <translation>Callback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Follow-ups due (%1)</source>
        <translation>Follow-ups due (%1)</translation>
    </message>
</context>
<context>
    <name>ClearPanelWidget</name>
    <message>
        <location filename="../../ui/clear_panel.py" line="+42"/>
        <source>CLEAR steps</source>
        <translation>CLEAR steps</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ctrl+%1 ticks this step</source>
        <translation>Ctrl+%1 ticks this step</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show what to do and say</source>
        <translation>Show what to do and say</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Buy time (callback promise)</source>
        <translation>Buy time (callback promise)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+B — promise a callback and start a countdown</source>
        <translation>Ctrl+B — promise a callback and start a countdown</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Principle</source>
        <translation>Principle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Techniques</source>
        <translation>Techniques</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Say</source>
        <translation>Say</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Avoid</source>
        <translation>Avoid</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirm understanding</source>
        <translation>Confirm understanding</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the customer&apos;s style in the case to see how to talk with them.</source>
        <translation>Choose the customer&apos;s style in the case to see how to talk with them.</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/guide_dialog.py" line="+18"/>
        <source>Method guide</source>
        <translation>Method guide</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handling principles</source>
        <translation>Handling principles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint value chain</source>
        <translation>Complaint value chain</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Six-step process</source>
        <translation>Six-step process</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer styles</source>
        <translation>Customer styles</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sources of dissatisfaction</source>
        <translation>Sources of dissatisfaction</translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../ui/letter_dialog.py" line="+59"/>
        <source>Thank-you letter</source>
        <translation>Thank-you letter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language of the letter</source>
        <translation>Language of the letter</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Draft again from the case</source>
        <translation>Draft again from the case</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export text…</source>
        <translation>Export text…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export letter</source>
        <translation>Export letter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The letter could not be written: %1</source>
        <translation>The letter could not be written: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="+104"/>
        <location filename="../../ui/main_window.py" line="+116"/>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-65"/>
        <source>Restored notes that had not been added yet.</source>
        <translation>Restored notes that had not been added yet.</translation>
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
        <translation>Read-only: nothing you change is saved.</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Buy time</source>
        <translation>Buy time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thank-you letter</source>
        <translation>Thank-you letter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method guide</source>
        <translation>Method guide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick step %1</source>
        <translation>Tick step %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+45"/>
        <source>Open or create a case first.</source>
        <translation>Open or create a case first.</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Callback overdue</source>
        <translation>Callback overdue</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ClearDesk found damage in its database. What you type is still being saved, but the file needs repair: close ClearDesk and start it again to restore the last backup (the damaged file is kept).</source>
        <translation>ClearDesk found damage in its database. What you type is still being saved, but the file needs repair: close ClearDesk and start it again to restore the last backup (the damaged file is kept).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database damaged</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The daily backup could not be made: %1</source>
        <translation>The daily backup could not be made: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>That text is too long to save (over 10 million characters). Shorten it or attach it as a file elsewhere.</source>
        <translation>That text is too long to save (over 10 million characters). Shorten it or attach it as a file elsewhere.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That time has already passed. Choose a time in the future.</source>
        <translation>That time has already passed. Choose a time in the future.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is busy (another window or program is writing). What you typed is kept on screen; try again in a moment.</source>
        <translation>The database is busy (another window or program is writing). What you typed is kept on screen; try again in a moment.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database reported damage. Close ClearDesk; at the next start you can restore the last backup.</source>
        <translation>The database reported damage. Close ClearDesk; at the next start you can restore the last backup.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database cannot be written (disk full or no permission). What you typed is kept on screen.</source>
        <translation>The database cannot be written (disk full or no permission). What you typed is kept on screen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
</context>
<context>
    <name>NotesWidget</name>
    <message>
        <location filename="../../ui/notes_widget.py" line="+58"/>
        <source>Type notes during the call; they are saved as you type. Ctrl+Enter adds the note.</source>
        <translation>Type notes during the call; they are saved as you type. Ctrl+Enter adds the note.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add note</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What you told the customer, before they had to ask</source>
        <translation>What you told the customer, before they had to ask</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record update</source>
        <translation>Record update</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Updates to customer</source>
        <translation>Updates to customer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unsaved note restored</source>
        <translation>Unsaved note restored</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Not saved yet — retrying</source>
        <translation>Not saved yet — retrying</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft saved %1</source>
        <translation>Draft saved %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Note added</source>
        <translation>Note added</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+21"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Same as the system</source>
        <translation>Same as the system</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organisation (letters)</source>
        <translation>Organisation (letters)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by (letters)</source>
        <translation>Signed by (letters)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database</source>
        <translation>Database</translation>
    </message>
</context>
<context>
    <name>StartupProblemDialog</name>
    <message>
        <location filename="../../ui/db_dialogs.py" line="+33"/>
        <source>ClearDesk cannot open its database</source>
        <translation>ClearDesk cannot open its database</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File: %1
Detail: %2</source>
        <translation>File: %1
Detail: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore the last backup</source>
        <translation>Restore the last backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open read-only</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose another file…</source>
        <translation>Choose another file…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The database is locked by another program (a backup tool, or another copy of ClearDesk busy writing). Wait a moment and try again, or open it read-only to look at your cases.</source>
        <translation>The database is locked by another program (a backup tool, or another copy of ClearDesk busy writing). Wait a moment and try again, or open it read-only to look at your cases.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The database file is damaged. Nothing has been deleted. You can restore the last backup (the damaged file is kept beside it), open it read-only to copy out what you need, or choose another file.</source>
        <translation>The database file is damaged. Nothing has been deleted. You can restore the last backup (the damaged file is kept beside it), open it read-only to copy out what you need, or choose another file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This database was written by a newer version of ClearDesk (format %1; this version reads up to %2). Update ClearDesk, or choose another file.</source>
        <translation>This database was written by a newer version of ClearDesk (format %1; this version reads up to %2). Update ClearDesk, or choose another file.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database file does not exist any more.</source>
        <translation>The database file does not exist any more.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClearDesk cannot write to the database folder. Check that the disk is not full and that you may write there, or choose another file.</source>
        <translation>ClearDesk cannot write to the database folder. Check that the disk is not full and that you may write there, or choose another file.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restore backup</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the damaged database with the backup from %1? The damaged file is kept next to it.</source>
        <translation>Replace the damaged database with the backup from %1? The damaged file is kept next to it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Backup restored</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The damaged file was kept as %1.</source>
        <translation>The damaged file was kept as %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a database file</source>
        <translation>Choose a database file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ClearDesk database (*.db)</source>
        <translation>ClearDesk database (*.db)</translation>
    </message>
</context>
</TS>
