<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>AgitationPlotWidget</name>
    <message>
        <location filename="../../ui/agitation_plot.py" line="+142"/>
        <location filename="../../ui/call_export.py" line="+70"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/call_export.py" line="+1"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to live</source>
        <translation>Back to live</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the call again</source>
        <translation>Follow the call again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calm</source>
        <translation>Calm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Elevated</source>
        <translation>Elevated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agitated</source>
        <translation>Agitated</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Escalating</source>
        <translation>Escalating</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loudness</source>
        <translation>Loudness</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pitch</source>
        <translation>Pitch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pitch range</source>
        <translation>Pitch range</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voice tension</source>
        <translation>Voice tension</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pace</source>
        <translation>Pace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words</source>
        <translation>Words</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regulator</source>
        <translation>Regulator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lawyer</source>
        <translation>Lawyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sorry, but</source>
        <translation>Sorry, but</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bare “I understand”</source>
        <translation>Bare “I understand”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talked over</source>
        <translation>Talked over</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interrupted</source>
        <translation>Interrupted</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Point at the curve to see what raised it.</source>
        <translation>Point at the curve to see what raised it.</translation>
    </message>
    <message>
        <location line="+111"/>
        <location line="+115"/>
        <source>Paused</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step %1 heard</source>
        <translation>Step %1 heard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 ticked</source>
        <translation>Step %1 ticked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: “%2”</source>
        <translation>%1: “%2”</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Only the last %1 minutes are kept during a call</source>
        <translation>Only the last %1 minutes are kept during a call</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no cue stands out</source>
        <translation>no cue stands out</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · Caller %2 (%3) · %4</source>
        <translation>%1 · Caller %2 (%3) · %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You %1</source>
        <translation>You %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No caller speech here.</source>
        <translation>No caller speech here.</translation>
    </message>
</context>
<context>
    <name>AudioSettingsWidget</name>
    <message>
        <location filename="../../ui/audio_settings.py" line="+75"/>
        <source>Whole device is the caller</source>
        <translation>Whole device is the caller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stereo adapter: left agent, right caller</source>
        <translation>Stereo adapter: left agent, right caller</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stereo adapter: left caller, right agent</source>
        <translation>Stereo adapter: left caller, right agent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caller&apos;s audio</source>
        <translation>Caller&apos;s audio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your microphone (optional)</source>
        <translation>Your microphone (optional)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh devices</source>
        <translation>Refresh devices</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Speech model</source>
        <translation>Speech model</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A model folder…</source>
        <translation>A model folder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A zip file…</source>
        <translation>A zip file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without a model the curve still works from the voice; there is no transcript and steps are not ticked by themselves.</source>
        <translation>Without a model the curve still works from the voice; there is no transcript and steps are not ticked by themselves.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channels</source>
        <translation>Channels</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The system&apos;s default input</source>
        <translation>The system&apos;s default input</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No speech model</source>
        <translation>No speech model</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No sound device was found. Plug in a headset or check the sound settings, then press Refresh devices.</source>
        <translation>No sound device was found. Plug in a headset or check the sound settings, then press Refresh devices.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (not connected)</source>
        <translation>%1 (not connected)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>System default (ALSA)</source>
        <translation>System default (ALSA)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sound server (PulseAudio)</source>
        <translation>Sound server (PulseAudio)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — what this computer plays</source>
        <translation>%1 — what this computer plays</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>language unknown</source>
        <translation>language unknown</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>left</source>
        <translation>left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right</source>
        <translation>right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stereo adapter already carries your voice (%1 side).</source>
        <translation>The stereo adapter already carries your voice (%1 side).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the caller&apos;s device too. Choose another microphone, or a stereo adapter above.</source>
        <translation>This is the caller&apos;s device too. Choose another microphone, or a stereo adapter above.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your own voice gets a meter too, so you can see your own stress during a call.</source>
        <translation>Your own voice gets a meter too, so you can see your own stress during a call.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use this when the softphone runs on this computer. It stays quiet until something plays.</source>
        <translation>Use this when the softphone runs on this computer. It stays quiet until something plays.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The microphone the system uses. Choose a device by name to be sure which one is heard.</source>
        <translation>The microphone the system uses. Choose a device by name to be sure which one is heard.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>This device does not have the channels this choice needs.</source>
        <translation>This device does not have the channels this choice needs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device cannot be opened now. It may be unplugged or in use by another program.</source>
        <translation>This device cannot be opened now. It may be unplugged or in use by another program.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device went away. Waiting for it to come back…</source>
        <translation>The device went away. Waiting for it to come back…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This model is not there any more. Choose another one or browse for it.</source>
        <translation>This model is not there any more. Choose another one or browse for it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is another kind of model. ClearDesk needs a Vosk speech recognition model.</source>
        <translation>This is another kind of model. ClearDesk needs a Vosk speech recognition model.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a complete speech model: a file is missing or damaged. Download it again or choose another one.</source>
        <translation>This is not a complete speech model: a file is missing or damaged. Download it again or choose another one.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model is complete. It is unpacked into ClearDesk&apos;s models folder the first time it is used.</source>
        <translation>The model is complete. It is unpacked into ClearDesk&apos;s models folder the first time it is used.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model is complete.</source>
        <translation>The model is complete.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a speech model zip</source>
        <translation>Choose a speech model zip</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip files (*.zip)</source>
        <translation>Zip files (*.zip)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a speech model folder</source>
        <translation>Choose a speech model folder</translation>
    </message>
</context>
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
    <name>CallCommentsWidget</name>
    <message>
        <location filename="../../ui/call_comments.py" line="+60"/>
        <source>A comment for the agent on this moment…</source>
        <translation>A comment for the agent on this moment…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>At the cursor</source>
        <translation>At the cursor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add comment at %1</source>
        <translation>Add comment at %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Comments (%1)</source>
        <translation>Comments (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No comments yet.</source>
        <translation>No comments yet.</translation>
    </message>
</context>
<context>
    <name>CallControl</name>
    <message>
        <location filename="../../ui/call_control.py" line="+76"/>
        <source>Speech model: %1 (%2)</source>
        <translation>Speech model: %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speech model %1 is loading; the curve works meanwhile.</source>
        <translation>Speech model %1 is loading; the curve works meanwhile.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The speech model cannot be used (%1). The curve still works from the voice; there is no transcript and no automatic ticks. Choose another model in Settings.</source>
        <translation>The speech model cannot be used (%1). The curve still works from the voice; there is no transcript and no automatic ticks. Choose another model in Settings.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No speech model: the curve works from the voice alone; there is no transcript and no automatic ticks. Add a model in Settings (Audio and speech).</source>
        <translation>No speech model: the curve works from the voice alone; there is no transcript and no automatic ticks. Add a model in Settings (Audio and speech).</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>ClearDesk stopped during a call; the call is kept up to that moment.</source>
        <translation>ClearDesk stopped during a call; the call is kept up to that moment.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The call cannot listen</source>
        <translation>The call cannot listen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audio set-up does not work: %1

Check the devices in Settings (Audio and speech). You can still take notes and tick the checklist.</source>
        <translation>The audio set-up does not work: %1

Check the devices in Settings (Audio and speech). You can still take notes and tick the checklist.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Call started.</source>
        <translation>Call started.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A hard call</source>
        <translation>A hard call</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That was a hard call. Take a minute to breathe before the next one?</source>
        <translation>That was a hard call. Take a minute to breathe before the next one?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The call could not be saved just now (the database is busy or the disk is full). ClearDesk keeps it and tries again every second.</source>
        <translation>The call could not be saved just now (the database is busy or the disk is full). ClearDesk keeps it and tries again every second.</translation>
    </message>
</context>
<context>
    <name>CallFilterWidget</name>
    <message>
        <location filename="../../ui/calls_table.py" line="+163"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last week</source>
        <translation>Last week</translation>
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
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>Last 90 days</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any date</source>
        <translation>Any date</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+44"/>
        <source>All agents</source>
        <translation>All agents</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>All sources</source>
        <translation>All sources</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Peak ≥ </source>
        <translation>Peak ≥ </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All calls</source>
        <translation>All calls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not calmed down</source>
        <translation>Not calmed down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No apology</source>
        <translation>No apology</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLEAR not complete</source>
        <translation>CLEAR not complete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A trap hit</source>
        <translation>A trap hit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalation words heard</source>
        <translation>Escalation words heard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the calls where this went wrong</source>
        <translation>Only the calls where this went wrong</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search transcripts, customers, case numbers</source>
        <translation>Search transcripts, customers, case numbers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
</context>
<context>
    <name>CallReport</name>
    <message>
        <location filename="../../ui/call_export.py" line="+77"/>
        <location filename="../../ui/call_report.py" line="+196"/>
        <source>Call report · case %1</source>
        <translation>Call report · case %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/call_report.py" line="+1"/>
        <source>Call report</source>
        <translation>Call report</translation>
    </message>
    <message>
        <location filename="../../ui/call_report.py" line="-103"/>
        <source>calm</source>
        <translation>calm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elevated</source>
        <translation>elevated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agitated</source>
        <translation>agitated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>escalating</source>
        <translation>escalating</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 at %2</source>
        <translation>%1 at %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in CLEAR order</source>
        <translation>in CLEAR order</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>out of order: %1</source>
        <translation>out of order: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the end</source>
        <translation>At the end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De-escalation</source>
        <translation>De-escalation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First apology</source>
        <translation>First apology</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First offer</source>
        <translation>First offer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps done</source>
        <translation>Steps done</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traps</source>
        <translation>Traps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalation words</source>
        <translation>Escalation words</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interruptions</source>
        <translation>Interruptions</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Transcript around the caller&apos;s peak (%1 to %2)</source>
        <translation>Transcript around the caller&apos;s peak (%1 to %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 more lines in this span.</source>
        <translation>%1 more lines in this span.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was transcribed around the peak.</source>
        <translation>Nothing was transcribed around the peak.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLEAR steps</source>
        <translation>CLEAR steps</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not done</source>
        <translation>not done</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>heard at %1</source>
        <translation>heard at %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ticked at %1</source>
        <translation>ticked at %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 times)</source>
        <translation>(%1 times)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unticked later</source>
        <translation>unticked later</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case notes</source>
        <translation>Case notes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 earlier notes not shown.</source>
        <translation>%1 earlier notes not shown.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No notes.</source>
        <translation>No notes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 more comments not shown.</source>
        <translation>%1 more comments not shown.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No comments.</source>
        <translation>No comments.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made with ClearDesk on %1.</source>
        <translation>Made with ClearDesk on %1.</translation>
    </message>
</context>
<context>
    <name>CallViewWidget</name>
    <message>
        <location filename="../../ui/call_view.py" line="+120"/>
        <source>Fit whole call</source>
        <translation>Fit whole call</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scroll to zoom, drag to move along the call, click to pick a moment.</source>
        <translation>Scroll to zoom, drag to move along the call, click to pick a moment.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+247"/>
        <source>Save the curve as a picture</source>
        <translation>Save the curve as a picture</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Save the call&apos;s data for a spreadsheet</source>
        <translation>Save the call&apos;s data for a spreadsheet</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Export PNG…</source>
        <translation>Export PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the call report as PDF</source>
        <translation>Save the call report as PDF</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+1"/>
        <location line="+255"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="-255"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No call open</source>
        <translation>No call open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a call in the list to see its curve and transcript.</source>
        <translation>Choose a call in the list to see its curve and transcript.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This call is not in the database (it may not have synced yet).</source>
        <translation>This call is not in the database (it may not have synced yet).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This call&apos;s record is damaged and cannot be shown.</source>
        <translation>This call&apos;s record is damaged and cannot be shown.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unknown caller</source>
        <translation>Unknown caller</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>case %1</source>
        <translation>case %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call of %1</source>
        <translation>Call of %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agent %1</source>
        <translation>agent %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cut off: ClearDesk stopped during this call</source>
        <translation>cut off: ClearDesk stopped during this call</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>speech model %1</source>
        <translation>speech model %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peak, %1 at %2</source>
        <translation>Peak, %1 at %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak at %2</source>
        <translation>Peak at %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At the end</source>
        <translation>At the end</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De-escalation</source>
        <translation>De-escalation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far the caller came down from the peak by the end</source>
        <translation>How far the caller came down from the peak by the end</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First apology</source>
        <translation>First apology</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First offer</source>
        <translation>First offer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps done</source>
        <translation>Steps done</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traps</source>
        <translation>Traps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalation words</source>
        <translation>Escalation words</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Part of this call&apos;s curve is damaged and is not shown.</source>
        <translation>Part of this call&apos;s curve is damaged and is not shown.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · no caller speech at this moment</source>
        <translation>%1 · no caller speech at this moment</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Comment saved at %1; the agent sees it after the next sync.</source>
        <translation>Comment saved at %1; the agent sees it after the next sync.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type the comment first.</source>
        <translation>Type the comment first.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That comment is too long to save (over %1 characters). Shorten it.</source>
        <translation>That comment is too long to save (over %1 characters). Shorten it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That comment holds a broken character that cannot be saved. Retype it without the odd character.</source>
        <translation>That comment holds a broken character that cannot be saved. Retype it without the odd character.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This call is no longer in the database; the comment was not saved.</source>
        <translation>This call is no longer in the database; the comment was not saved.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is open read-only: the comment cannot be saved. Your text is kept in the box.</source>
        <translation>The database is open read-only: the comment cannot be saved. Your text is kept in the box.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is busy (another window or program is writing). Your text is kept; try again in a moment.</source>
        <translation>The database is busy (another window or program is writing). Your text is kept; try again in a moment.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database cannot be written (disk full or no permission). Your text is kept.</source>
        <translation>The database cannot be written (disk full or no permission). Your text is kept.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database reported damage. Close ClearDesk; at the next start you can restore the last backup.</source>
        <translation>The database reported damage. Close ClearDesk; at the next start you can restore the last backup.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is closed.</source>
        <translation>The database is closed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong: %1</source>
        <translation>Something went wrong: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The picture could not be saved: %1</source>
        <translation>The picture could not be saved: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the call&apos;s data</source>
        <translation>Save the call&apos;s data</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The data could not be saved: %1</source>
        <translation>The data could not be saved: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the call report</source>
        <translation>Save the call report</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The report could not be saved: %1</source>
        <translation>The report could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>CallWidget</name>
    <message>
        <location filename="../../ui/call_widget.py" line="+43"/>
        <source>calm</source>
        <translation>calm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elevated</source>
        <translation>elevated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agitated</source>
        <translation>agitated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>escalating</source>
        <translation>escalating</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Start call (F9)</source>
        <translation>Start call (F9)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No call recorded on this case. Press F9 to start a call: the caller&apos;s agitation, the transcript and the steps you are heard doing appear here.</source>
        <translation>No call recorded on this case. Press F9 to start a call: the caller&apos;s agitation, the transcript and the steps you are heard doing appear here.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stop call (F9)</source>
        <translation>Stop call (F9)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opening the audio…</source>
        <translation>Opening the audio…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Caller: waiting for their voice</source>
        <translation>Caller: waiting for their voice</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Caller: %1</source>
        <translation>Caller: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the caller&apos;s audio</source>
        <translation>the caller&apos;s audio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>your microphone</source>
        <translation>your microphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the audio</source>
        <translation>the audio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listening.</source>
        <translation>Listening.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audio is back; listening again.</source>
        <translation>The audio is back; listening again.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No audio from %1: the device is missing or was unplugged. Your notes and the checklist keep working; the call picks up again as soon as the device is back.</source>
        <translation>No audio from %1: the device is missing or was unplugged. Your notes and the checklist keep working; the call picks up again as soon as the device is back.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio problem with %1: %2</source>
        <translation>Audio problem with %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The computer was too busy: a moment of audio was skipped.</source>
        <translation>The computer was too busy: a moment of audio was skipped.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech recognition is on.</source>
        <translation>Speech recognition is on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The speech model could not be loaded (%1). The curve still works from the voice; there is no transcript.</source>
        <translation>The speech model could not be loaded (%1). The curve still works from the voice; there is no transcript.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speech recognition has fallen behind; some words will be missing from the transcript. The curve is not affected.</source>
        <translation>Speech recognition has fallen behind; some words will be missing from the transcript. The curve is not affected.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Call %1 · %2</source>
        <translation>Call %1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cut off</source>
        <translation>cut off</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Recorded call, read-only: %1, peak %2 (%3), at the end %4.</source>
        <translation>Recorded call, read-only: %1, peak %2 (%3), at the end %4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ClearDesk stopped during this call; it is kept up to that moment.</source>
        <translation>ClearDesk stopped during this call; it is kept up to that moment.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No transcript for this call.</source>
        <translation>No transcript for this call.</translation>
    </message>
</context>
<context>
    <name>CallbackBannerWidget</name>
    <message>
        <location filename="../../ui/callbacks.py" line="+28"/>
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
    <name>CallsTableModel</name>
    <message>
        <location filename="../../ui/calls_table.py" line="-140"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology at</source>
        <translation>Apology at</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offer at</source>
        <translation>Offer at</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>De-escalation</source>
        <translation>De-escalation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLEAR steps</source>
        <translation>CLEAR steps</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traps</source>
        <translation>Traps</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Escalation words</source>
        <translation>Escalation words</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Done at the end: %1. First done in this order: %2</source>
        <translation>Done at the end: %1. First done in this order: %2</translation>
    </message>
</context>
<context>
    <name>CaseEditorWidget</name>
    <message>
        <location filename="../../ui/case_editor.py" line="+69"/>
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
        <location filename="../../ui/case_list.py" line="+49"/>
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
        <location line="+18"/>
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
        <location line="+22"/>
        <source>Follow-ups due (%1)</source>
        <translation>Follow-ups due (%1)</translation>
    </message>
</context>
<context>
    <name>ClearPanelWidget</name>
    <message>
        <location filename="../../ui/clear_panel.py" line="+64"/>
        <source>CLEAR steps</source>
        <translation>CLEAR steps</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ctrl+%1 ticks this step</source>
        <translation>Ctrl+%1 ticks this step</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show what to do and say</source>
        <translation>Show what to do and say</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Buy time (callback promise)</source>
        <translation>Buy time (callback promise)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+B — promise a callback and start a countdown</source>
        <translation>Ctrl+B — promise a callback and start a countdown</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>heard: %1</source>
        <translation>heard: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticked by itself when you were heard saying: %1</source>
        <translation>Ticked by itself when you were heard saying: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At %1 in the call</source>
        <translation>At %1 in the call</translation>
    </message>
    <message>
        <location line="+42"/>
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
    <message>
        <location line="+31"/>
        <source>Breathe out slowly. Slow down and lower your voice.</source>
        <translation>Breathe out slowly. Slow down and lower your voice.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your own voice sounds stressed (C: control your emotions).</source>
        <translation>Your own voice sounds stressed (C: control your emotions).</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The caller mentioned a regulator</source>
        <translation>The caller mentioned a regulator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not argue or try to talk them out of it. Take the complaint seriously and say what you will do now.</source>
        <translation>Do not argue or try to talk them out of it. Take the complaint seriously and say what you will do now.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller mentioned a lawyer</source>
        <translation>The caller mentioned a lawyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay calm and blame no one. Say what you can do now; offer your supervisor if they want more.</source>
        <translation>Stay calm and blame no one. Say what you can do now; offer your supervisor if they want more.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller mentioned the media</source>
        <translation>The caller mentioned the media</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not plead or argue. Apologize for the situation and offer a concrete next step with a time.</source>
        <translation>Do not plead or argue. Apologize for the situation and offer a concrete next step with a time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller mentioned a manager</source>
        <translation>The caller mentioned a manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what you can do yourself first. If they still ask, offer a supervisor or a callback at a set time.</source>
        <translation>Say what you can do yourself first. If they still ask, offer a supervisor or a callback at a set time.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller mentioned cancelling</source>
        <translation>The caller mentioned cancelling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not argue. Ask what would put it right for them and offer options.</source>
        <translation>Do not argue. Ask what would put it right for them and offer options.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalation words from the caller</source>
        <translation>Escalation words from the caller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay calm, listen and offer a concrete next step.</source>
        <translation>Stay calm, listen and offer a concrete next step.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The caller interrupted you</source>
        <translation>The caller interrupted you</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop and let them finish. Then restate what you heard.</source>
        <translation>Stop and let them finish. Then restate what you heard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apology followed by “but”</source>
        <translation>Apology followed by “but”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The “but” cancels the apology. Apologize for the situation, then say what you will do.</source>
        <translation>The “but” cancels the apology. Apologize for the situation, then say what you will do.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bare “I understand”</source>
        <translation>A bare “I understand”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what you understand: “I understand you&apos;re upset because …”.</source>
        <translation>Say what you understand: “I understand you&apos;re upset because …”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You talked over the caller</source>
        <translation>You talked over the caller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop and let them finish. Short sounds such as “mm” show you are listening.</source>
        <translation>Stop and let them finish. Short sounds such as “mm” show you are listening.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch what you say</source>
        <translation>Watch what you say</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen first, and let the caller finish.</source>
        <translation>Listen first, and let the caller finish.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Offer a concrete next step, or a callback at a set time.</source>
        <translation>Offer a concrete next step, or a callback at a set time.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If it does not settle, consider handing over to your supervisor.</source>
        <translation>If it does not settle, consider handing over to your supervisor.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do now: the caller is escalating</source>
        <translation>Do now: the caller is escalating</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do now: the caller is upset</source>
        <translation>Do now: the caller is upset</translation>
    </message>
</context>
<context>
    <name>ComparePlotWidget</name>
    <message>
        <location filename="../../ui/compare_plot.py" line="+56"/>
        <source>Align at the start</source>
        <translation>Align at the start</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Align at the peak</source>
        <translation>Align at the peak</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Caller&apos;s agitation</source>
        <translation>Caller&apos;s agitation</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Select two or more calls in the list (Ctrl+click), then press &quot;Compare selected&quot;.</source>
        <translation>Select two or more calls in the list (Ctrl+click), then press &quot;Compare selected&quot;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each line is one caller&apos;s agitation; 0:00 is the start of each call or, aligned at the peak, the moment of its peak.</source>
        <translation>Each line is one caller&apos;s agitation; 0:00 is the start of each call or, aligned at the peak, the moment of its peak.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls that could not be read: %1.</source>
        <translation>Calls that could not be read: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the first %1 calls are shown.</source>
        <translation>Only the first %1 calls are shown.</translation>
    </message>
</context>
<context>
    <name>CooldownDialog</name>
    <message>
        <location filename="../../ui/cooldown_dialog.py" line="+63"/>
        <source>A minute to breathe</source>
        <translation>A minute to breathe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That was a hard call. The anger was about the problem, not about you. Breathe with the circle before the next call.</source>
        <translation>That was a hard call. The anger was about the problem, not about you. Breathe with the circle before the next call.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready for the next call</source>
        <translation>Ready for the next call</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Breathe in…</source>
        <translation>Breathe in…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breathe out…</source>
        <translation>Breathe out…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 left</source>
        <translation>%1 left</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Well done.</source>
        <translation>Well done.</translation>
    </message>
</context>
<context>
    <name>DigestDialog</name>
    <message>
        <location filename="../../ui/digest_view.py" line="+348"/>
        <source>Morning meeting digest</source>
        <translation>Morning meeting digest</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>DigestPage</name>
    <message>
        <location filename="../../ui/digest_page.py" line="+88"/>
        <source>Morning meeting digest</source>
        <translation>Morning meeting digest</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No category</source>
        <translation>No category</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“Sorry, but…”</source>
        <translation>“Sorry, but…”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bare “I understand”</source>
        <translation>Bare “I understand”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talked over the caller</source>
        <translation>Talked over the caller</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Regulator</source>
        <translation>Regulator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lawyer</source>
        <translation>Lawyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 to %2 (%3 days)</source>
        <translation>%1 to %2 (%3 days)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>W%1</source>
        <translation>W%1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Whole team</source>
        <translation>Whole team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made %1</source>
        <translation>Made %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to report for this period.</source>
        <translation>Nothing to report for this period.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calls handled</source>
        <translation>Calls handled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agitation, average peak / highest</source>
        <translation>Agitation, average peak / highest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calmed down (agitated callers)</source>
        <translation>Calmed down (agitated callers)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 (%3)</source>
        <translation>%1 of %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CLEAR complete / in order</source>
        <translation>CLEAR complete / in order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2 (%3 / %4)</source>
        <translation>%1 / %2 (%3 / %4)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Median time to apology</source>
        <translation>Median time to apology</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No apology heard</source>
        <translation>No apology heard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 calls)</source>
        <translation>%1 (%2 calls)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <source>Traps</source>
        <translation>Traps</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Escalation threats</source>
        <translation>Escalation threats</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New cases</source>
        <translation>New cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases now</source>
        <translation>Open cases now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback promises due</source>
        <translation>Callback promises due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up visits due</source>
        <translation>Follow-up visits due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 done; %3 overdue now</source>
        <translation>%1 of %2 done; %3 overdue now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No ratings</source>
        <translation>No ratings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 average (%2 ratings)</source>
        <translation>%1 average (%2 ratings)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No calls in this period.</source>
        <translation>No calls in this period.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 kept, %3 broken (%4 late, %5 not called back)</source>
        <translation>%1: %2 kept, %3 broken (%4 late, %5 not called back)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, %1 still to call</source>
        <translation>, %1 still to call</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 cancelled</source>
        <translation>, %1 cancelled</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+60"/>
        <location line="+28"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="-87"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No new cases in this period.</source>
        <translation>No new cases in this period.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New cases by source of dissatisfaction</source>
        <translation>New cases by source of dissatisfaction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trend by day</source>
        <translation>Trend by day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trend by week</source>
        <translation>Trend by week</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trend by month</source>
        <translation>Trend by month</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>End</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The most agitated calls</source>
        <translation>The most agitated calls</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Average peak</source>
        <translation>Average peak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calmed down</source>
        <translation>Calmed down</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CLEAR complete</source>
        <translation>CLEAR complete</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In order</source>
        <translation>In order</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By agent</source>
        <translation>By agent</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2 — due %3</source>
        <translation>%1 %2 — due %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Callbacks overdue now</source>
        <translation>Callbacks overdue now</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — %2 cases in %3 days: %4 (%5)</source>
        <translation>%1 — %2 cases in %3 days: %4 (%5)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat customers</source>
        <translation>Repeat customers</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Root cause:</source>
        <translation>Root cause:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prevention:</source>
        <translation>Prevention:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>To read out: root causes and prevention</source>
        <translation>To read out: root causes and prevention</translation>
    </message>
</context>
<context>
    <name>DigestWidget</name>
    <message>
        <location filename="../../ui/digest_view.py" line="-223"/>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
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
        <location line="+1"/>
        <source>Custom dates</source>
        <translation>Custom dates</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Whole team</source>
        <translation>Whole team</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The digest could not be made: %1</source>
        <translation>The digest could not be made: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Agent: %1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export the digest as PDF</source>
        <translation>Export the digest as PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export failed</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PDF could not be written: %1</source>
        <translation>The PDF could not be written: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printing failed</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer could not be opened.</source>
        <translation>The printer could not be opened.</translation>
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
    <name>LevelMeterWidget</name>
    <message>
        <location filename="../../ui/level_meter.py" line="+30"/>
        <source>Sound level: green is speech, yellow is loud, red is too loud</source>
        <translation>Sound level: green is speech, yellow is loud, red is too loud</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="+105"/>
        <location filename="../../ui/main_window.py" line="+149"/>
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-82"/>
        <source>Restored notes that had not been added yet.</source>
        <translation>Restored notes that had not been added yet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+176"/>
        <source>ClearDesk</source>
        <translation>ClearDesk</translation>
    </message>
    <message>
        <location line="-128"/>
        <location line="+219"/>
        <location line="+13"/>
        <source>Read-only: nothing you change is saved.</source>
        <translation>Read-only: nothing you change is saved.</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Start or stop a call</source>
        <translation>Start or stop a call</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Review calls</source>
        <translation>Review calls</translation>
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
        <location line="+1"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick step %1</source>
        <translation>Tick step %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A call is running on another case: stop the call (F9) before opening a different case.</source>
        <translation>A call is running on another case: stop the call (F9) before opening a different case.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Stop the call (F9) before starting a new case.</source>
        <translation>Stop the call (F9) before starting a new case.</translation>
    </message>
    <message>
        <location line="+37"/>
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
        <location line="+37"/>
        <source>Settings can be changed after the call.</source>
        <translation>Settings can be changed after the call.</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+1"/>
        <source>That text holds a broken character that cannot be saved. Retype it without the odd character.</source>
        <translation>That text holds a broken character that cannot be saved. Retype it without the odd character.</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../../ui/notes_widget.py" line="+59"/>
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
    <name>ReceivedCommentsWidget</name>
    <message>
        <location filename="../../ui/received_comments.py" line="+39"/>
        <source>Mark all as read</source>
        <translation>Mark all as read</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call of</source>
        <translation>Call of</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At</source>
        <translation>At</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The comments could not be read: %1</source>
        <translation>The comments could not be read: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Comments on your calls appear here once your name is set (Settings) or sync is signed in.</source>
        <translation>Comments on your calls appear here once your name is set (Settings) or sync is signed in.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No comments on your calls yet.</source>
        <translation>No comments on your calls yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New comments on your calls: %1</source>
        <translation>New comments on your calls: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not remember what was read: %1</source>
        <translation>Could not remember what was read: %1</translation>
    </message>
</context>
<context>
    <name>ReviewControl</name>
    <message>
        <location filename="../../ui/review_control.py" line="+103"/>
        <source>Review calls</source>
        <translation>Review calls</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (new comments: %2)</source>
        <translation>%1 (new comments: %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A supervisor commented on your calls: open Review calls (Ctrl+R).</source>
        <translation>A supervisor commented on your calls: open Review calls (Ctrl+R).</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/review_window.py" line="+83"/>
        <source>ClearDesk — call review</source>
        <translation>ClearDesk — call review</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Compare selected</source>
        <translation>Compare selected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select two or more calls (Ctrl+click) to lay their curves over each other</source>
        <translation>Select two or more calls (Ctrl+click) to lay their curves over each other</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My figures</source>
        <translation>My figures</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Morning digest</source>
        <translation>Morning digest</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comments for me</source>
        <translation>Comments for me</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Supervisor %1, team %2: the team&apos;s calls</source>
        <translation>Supervisor %1, team %2: the team&apos;s calls</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent %1: your own calls</source>
        <translation>Agent %1: your own calls</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk: every call recorded here</source>
        <translation>This desk: every call recorded here</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The calls could not be read. %1</source>
        <translation>The calls could not be read. %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Calls: %1</source>
        <translation>Calls: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+34"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio and speech</source>
        <translation>Audio and speech</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The sync settings could not be saved: %1</source>
        <translation>The sync settings could not be saved: %1</translation>
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
<context>
    <name>SyncControl</name>
    <message>
        <location filename="../../ui/sync_control.py" line="+135"/>
        <source>Sync is off: set the team&apos;s server in Settings, on the Sync page.</source>
        <translation>Sync is off: set the team&apos;s server in Settings, on the Sync page.</translation>
    </message>
</context>
<context>
    <name>SyncSettingsWidget</name>
    <message>
        <location filename="../../ui/sync_settings.py" line="+78"/>
        <source>Sync is optional. Without a server, ClearDesk works alone on this computer and keeps everything in its own database. When a server is set, cases and notes are shared with your team, and what was made meanwhile is sent too.</source>
        <translation>Sync is optional. Without a server, ClearDesk works alone on this computer and keeps everything in its own database. When a server is set, cases and notes are shared with your team, and what was made meanwhile is sent too.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Team server</source>
        <translation>Team server</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workstation token</source>
        <translation>Workstation token</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate file (optional)</source>
        <translation>Certificate file (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if IT gave you a certificate file for this server. Left empty, the certificates this computer trusts are used.</source>
        <translation>Only if IT gave you a certificate file for this server. Left empty, the certificates this computer trusts are used.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Changes the server refused</source>
        <translation>Changes the server refused</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A token is stored in the system keyring. Leave the field empty to keep it.</source>
        <translation>A token is stored in the system keyring. Leave the field empty to keep it.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A token is stored in a file only your user account can read (no keyring on this computer). Leave the field empty to keep it.</source>
        <translation>A token is stored in a file only your user account can read (no keyring on this computer). Leave the field empty to keep it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the token your supervisor gave you for this workstation.</source>
        <translation>Paste the token your supervisor gave you for this workstation.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left empty, sync is off and this desk works alone.</source>
        <translation>Left empty, sync is off and this desk works alone.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not a server address. It looks like https://sync.example.com:8765</source>
        <translation>This is not a server address. It looks like https://sync.example.com:8765</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without https, the token and the cases cross the network unencrypted. Use https unless the server is on this computer.</source>
        <translation>Without https, the token and the cases cross the network unencrypted. Use https unless the server is on this computer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The address your supervisor or IT gave you, with its port. Clear it to stop syncing.</source>
        <translation>The address your supervisor or IT gave you, with its port. Clear it to stop syncing.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the server&apos;s certificate file</source>
        <translation>Choose the server&apos;s certificate file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The certificate file is not there: %1</source>
        <translation>The certificate file is not there: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server address is not valid. It looks like https://sync.example.com:8765</source>
        <translation>The server address is not valid. It looks like https://sync.example.com:8765</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the workstation token, or clear the server address to work without a server.</source>
        <translation>Enter the workstation token, or clear the server address to work without a server.</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+68"/>
        <source>Enter the server address and the token first.</source>
        <translation>Enter the server address and the token first.</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected as %1 (%2, team %3). Press OK to save and start syncing.</source>
        <translation>Connected as %1 (%2, team %3). Press OK to save and start syncing.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected as %1 (%2). Press OK to save and start syncing.</source>
        <translation>Connected as %1 (%2). Press OK to save and start syncing.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check that the whole token was pasted, or ask your supervisor for a new one.</source>
        <translation>Check that the whole token was pasted, or ask your supervisor for a new one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server cannot be reached. Check the address and the port, and that this computer is on the network. Until it can be reached, the desk works alone and sends everything later.</source>
        <translation>The server cannot be reached. Check the address and the port, and that this computer is on the network. Until it can be reached, the desk works alone and sends everything later.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s certificate is not trusted. Check that the address is right; if it is, ask IT for the server&apos;s certificate file and choose it below.</source>
        <translation>The server&apos;s certificate is not trusted. Check that the address is right; if it is, ask IT for the server&apos;s certificate file and choose it below.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account is disabled on the server. Ask your supervisor.</source>
        <translation>This account is disabled on the server. Ask your supervisor.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered with an error. Try again later, and tell IT if it stays.</source>
        <translation>The server answered with an error. Try again later, and tell IT if it stays.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This address does not answer like a ClearDesk sync server. Check the address and the port.</source>
        <translation>This address does not answer like a ClearDesk sync server. Check the address and the port.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server refused %1 change(s). They are kept on this computer. Once the cause is fixed (ask your supervisor), send them again.</source>
        <translation>The server refused %1 change(s). They are kept on this computer. Once the cause is fixed (ask your supervisor), send them again.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not queue them again: %1</source>
        <translation>Could not queue them again: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 change(s) queued again; they are sent at the next sync.</source>
        <translation>%1 change(s) queued again; they are sent at the next sync.</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/sync_status.py" line="+38"/>
        <source>The token has expired.</source>
        <translation>The token has expired.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token was withdrawn on the server.</source>
        <translation>The token was withdrawn on the server.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is not one this server issued: it may be mistyped or made for another server.</source>
        <translation>The token is not one this server issued: it may be mistyped or made for another server.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server does not know this token.</source>
        <translation>The server does not know this token.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not accept the token.</source>
        <translation>The server did not accept the token.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>1 change waiting to sync</source>
        <translation>1 change waiting to sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changes waiting to sync</source>
        <translation>%1 changes waiting to sync</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync stopped: the server refused this workstation&apos;s token — ask your supervisor for a new one</source>
        <translation>Sync stopped: the server refused this workstation&apos;s token — ask your supervisor for a new one</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync stopped: this account is disabled on the server — ask your supervisor</source>
        <translation>Sync stopped: this account is disabled on the server — ask your supervisor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync stopped: the server&apos;s certificate is not trusted — ask IT to check the server</source>
        <translation>Sync stopped: the server&apos;s certificate is not trusted — ask IT to check the server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync stopped: this address is not a ClearDesk sync server — check it in the settings</source>
        <translation>Sync stopped: this address is not a ClearDesk sync server — check it in the settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync paused: the server reported an error — will retry</source>
        <translation>Sync paused: the server reported an error — will retry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync paused: the local database is busy or damaged — will retry</source>
        <translation>Sync paused: the local database is busy or damaged — will retry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync paused: %1 — will retry</source>
        <translation>Sync paused: %1 — will retry</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync off</source>
        <translation>Sync off</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced at %1</source>
        <translation>Synced at %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline since %1 — will retry</source>
        <translation>Offline since %1 — will retry</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 waiting</source>
        <translation>%1 waiting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 refused</source>
        <translation>%1 refused</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No sync server is set: this desk works alone and keeps everything on this computer.</source>
        <translation>No sync server is set: this desk works alone and keeps everything on this computer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last synced: %1</source>
        <translation>Last synced: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server refused %1 change(s); they are kept on this computer. See the Sync settings.</source>
        <translation>The server refused %1 change(s); they are kept on this computer. See the Sync settings.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next try at %1.</source>
        <translation>Next try at %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click for the sync settings; right-click to sync now.</source>
        <translation>Click for the sync settings; right-click to sync now.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync settings…</source>
        <translation>Sync settings…</translation>
    </message>
</context>
<context>
    <name>TeamStatsWidget</name>
    <message>
        <location filename="../../ui/team_stats.py" line="+86"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Average peak</source>
        <translation>Average peak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest peak</source>
        <translation>Highest peak</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Average end</source>
        <translation>Average end</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calmed down</source>
        <translation>Calmed down</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>CLEAR complete</source>
        <translation>CLEAR complete</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>In CLEAR order</source>
        <translation>In CLEAR order</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to apology (median)</source>
        <translation>Time to apology (median)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traps</source>
        <translation>Traps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbacks on time</source>
        <translation>Callbacks on time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-ups done</source>
        <translation>Follow-ups done</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calmed down: of the calls whose caller became agitated, the share that ended below the elevated band. Callbacks on time: promises to call back kept by the time promised, of those due in the period. Follow-ups done: of the follow-up visits dated in the period. Satisfaction: the average rating (1–5) given in the period, with how many were rated.</source>
        <translation>Calmed down: of the calls whose caller became agitated, the share that ended below the elevated band. Callbacks on time: promises to call back kept by the time promised, of those due in the period. Follow-ups done: of the follow-up visits dated in the period. Satisfaction: the average rating (1–5) given in the period, with how many were rated.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 (%2 rated)</source>
        <translation>%1 (%2 rated)</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Caller&apos;s agitation</source>
        <translation>Caller&apos;s agitation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcomes (% of calls)</source>
        <translation>Outcomes (% of calls)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>any date</source>
        <translation>any date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Figures over %1</source>
        <translation>Figures over %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>average peak</source>
        <translation>average peak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>highest peak</source>
        <translation>highest peak</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>calmed down</source>
        <translation>calmed down</translation>
    </message>
</context>
<context>
    <name>TranscriptWidget</name>
    <message>
        <location filename="../../ui/transcript_widget.py" line="+241"/>
        <source>Caller</source>
        <translation>Caller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Jump to latest</source>
        <translation>Jump to latest</translation>
    </message>
</context>
<context>
    <name>WarningCardWidget</name>
    <message>
        <location filename="../../ui/live_hints.py" line="+89"/>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
</TS>
