<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgitationPlotWidget</name>
    <message>
        <location filename="../../ui/agitation_plot.py" line="+142"/>
        <location filename="../../ui/call_export.py" line="+70"/>
        <source>Caller</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../ui/call_export.py" line="+1"/>
        <source>You</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Back to live</source>
        <translation>回到实时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the call again</source>
        <translation>继续实时跟随通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Elevated</source>
        <translation>偏高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agitated</source>
        <translation>激动</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Escalating</source>
        <translation>即将升级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loudness</source>
        <translation>音量</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pitch</source>
        <translation>音高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pitch range</source>
        <translation>音高起伏</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Voice tension</source>
        <translation>嗓音紧张</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pace</source>
        <translation>语速</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words</source>
        <translation>用词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regulator</source>
        <translation>监管部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lawyer</source>
        <translation>律师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manager</source>
        <translation>找领导</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>要取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sorry, but</source>
        <translation>对不起，但是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bare “I understand”</source>
        <translation>空泛的“我理解”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talked over</source>
        <translation>坐席抢话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interrupted</source>
        <translation>客户插话</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Point at the curve to see what raised it.</source>
        <translation>把鼠标移到曲线上，可查看是什么让它升高。</translation>
    </message>
    <message>
        <location line="+111"/>
        <location line="+115"/>
        <source>Paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Comment</source>
        <translation>点评</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step %1 heard</source>
        <translation>识别到步骤 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 ticked</source>
        <translation>已勾选步骤 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 at %2</source>
        <translation>%1（通话 %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: “%2”</source>
        <translation>%1：“%2”</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Only the last %1 minutes are kept during a call</source>
        <translation>通话中只保留最近 %1 分钟的曲线</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no cue stands out</source>
        <translation>没有特别突出的因素</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · Caller %2 (%3) · %4</source>
        <translation>%1 · 客户 %2（%3）· %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You %1</source>
        <translation>坐席 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No caller speech here.</source>
        <translation>此处客户没有说话。</translation>
    </message>
</context>
<context>
    <name>AudioSettingsWidget</name>
    <message>
        <location filename="../../ui/audio_settings.py" line="+75"/>
        <source>Whole device is the caller</source>
        <translation>整个设备都是客户的声音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stereo adapter: left agent, right caller</source>
        <translation>立体声转接头：左声道坐席，右声道客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stereo adapter: left caller, right agent</source>
        <translation>立体声转接头：左声道客户，右声道坐席</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caller&apos;s audio</source>
        <translation>客户的声音</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your microphone (optional)</source>
        <translation>您的麦克风（可选）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refresh devices</source>
        <translation>刷新设备</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Speech model</source>
        <translation>语音识别模型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A model folder…</source>
        <translation>模型文件夹…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A zip file…</source>
        <translation>ZIP 压缩包…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without a model the curve still works from the voice; there is no transcript and steps are not ticked by themselves.</source>
        <translation>没有模型时，曲线仍会根据声音绘制，但没有转写文本，步骤也不会自动勾选。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Channels</source>
        <translation>声道</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The system&apos;s default input</source>
        <translation>系统默认输入设备</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No speech model</source>
        <translation>不使用语音识别模型</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No sound device was found. Plug in a headset or check the sound settings, then press Refresh devices.</source>
        <translation>未找到音频设备。请插上耳麦或检查系统声音设置，然后点击“刷新设备”。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (not connected)</source>
        <translation>%1（未连接）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>System default (ALSA)</source>
        <translation>系统默认（ALSA）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sound server (PulseAudio)</source>
        <translation>音频服务（PulseAudio）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — what this computer plays</source>
        <translation>%1——本机播放的声音</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>language unknown</source>
        <translation>语言未知</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>right</source>
        <translation>右</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stereo adapter already carries your voice (%1 side).</source>
        <translation>立体声转接头已包含您的声音（%1声道）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is the caller&apos;s device too. Choose another microphone, or a stereo adapter above.</source>
        <translation>客户的声音也来自这个设备。请选择其他麦克风，或在上方改用立体声转接头。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your own voice gets a meter too, so you can see your own stress during a call.</source>
        <translation>您自己的声音也有音量表，通话中可以看到自己的紧张程度。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use this when the softphone runs on this computer. It stays quiet until something plays.</source>
        <translation>软电话在本机运行时选择此项。本机播放声音之前，这里不会有信号。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The microphone the system uses. Choose a device by name to be sure which one is heard.</source>
        <translation>即系统当前使用的麦克风。要确定收的是哪个设备的声音，请按名称选择设备。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>This device does not have the channels this choice needs.</source>
        <translation>此设备没有该选项所需的声道。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This device cannot be opened now. It may be unplugged or in use by another program.</source>
        <translation>目前无法打开此设备。它可能已被拔出，或正被其他程序占用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The device went away. Waiting for it to come back…</source>
        <translation>设备已断开，正在等待重新连接…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This model is not there any more. Choose another one or browse for it.</source>
        <translation>此模型已不存在。请选择其他模型，或点击“浏览”查找。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is another kind of model. ClearDesk needs a Vosk speech recognition model.</source>
        <translation>这是其他类型的模型。ClearDesk 需要 Vosk 语音识别模型。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a complete speech model: a file is missing or damaged. Download it again or choose another one.</source>
        <translation>这不是完整的语音识别模型：有文件缺失或已损坏。请重新下载，或选择其他模型。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model is complete. It is unpacked into ClearDesk&apos;s models folder the first time it is used.</source>
        <translation>模型完整。首次使用时，它会被解压到 ClearDesk 的模型文件夹中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model is complete.</source>
        <translation>模型完整。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a speech model zip</source>
        <translation>选择语音识别模型压缩包</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip files (*.zip)</source>
        <translation>ZIP 压缩包 (*.zip)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a speech model folder</source>
        <translation>选择语音识别模型文件夹</translation>
    </message>
</context>
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
    <name>CallCommentsWidget</name>
    <message>
        <location filename="../../ui/call_comments.py" line="+60"/>
        <source>A comment for the agent on this moment…</source>
        <translation>就这一时刻给坐席写点评…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>At the cursor</source>
        <translation>光标处</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add comment at %1</source>
        <translation>在 %1 处添加点评</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Comments (%1)</source>
        <translation>点评（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No comments yet.</source>
        <translation>暂无点评。</translation>
    </message>
</context>
<context>
    <name>CallControl</name>
    <message>
        <location filename="../../ui/call_control.py" line="+76"/>
        <source>Speech model: %1 (%2)</source>
        <translation>语音识别模型：%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speech model %1 is loading; the curve works meanwhile.</source>
        <translation>正在加载语音识别模型 %1，加载期间曲线照常显示。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The speech model cannot be used (%1). The curve still works from the voice; there is no transcript and no automatic ticks. Choose another model in Settings.</source>
        <translation>无法使用语音识别模型（%1）。曲线仍会根据声音绘制，但没有转写文本，步骤也不会自动勾选。请在“设置”中选择其他模型。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No speech model: the curve works from the voice alone; there is no transcript and no automatic ticks. Add a model in Settings (Audio and speech).</source>
        <translation>未使用语音识别模型：曲线只根据声音绘制，没有转写文本，步骤也不会自动勾选。可在“设置”的“音频与语音”中添加模型。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>ClearDesk stopped during a call; the call is kept up to that moment.</source>
        <translation>ClearDesk 曾在通话中意外停止；该通话已保存到停止时为止。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The call cannot listen</source>
        <translation>通话无法收音</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audio set-up does not work: %1

Check the devices in Settings (Audio and speech). You can still take notes and tick the checklist.</source>
        <translation>音频设置无法使用：%1

请在“设置”的“音频与语音”中检查设备。您仍然可以记录备注、勾选步骤。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Call started.</source>
        <translation>通话已开始。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A hard call</source>
        <translation>这通电话不容易</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That was a hard call. Take a minute to breathe before the next one?</source>
        <translation>刚才这通电话不容易。接下一通之前，先花一分钟调整呼吸吗？</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The call could not be saved just now (the database is busy or the disk is full). ClearDesk keeps it and tries again every second.</source>
        <translation>暂时无法保存通话（数据库正忙或磁盘已满）。ClearDesk 会保留通话内容，并每秒重试一次。</translation>
    </message>
</context>
<context>
    <name>CallFilterWidget</name>
    <message>
        <location filename="../../ui/calls_table.py" line="+163"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last week</source>
        <translation>上周</translation>
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
        <location line="+1"/>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+44"/>
        <source>All agents</source>
        <translation>全部坐席</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>All sources</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Peak ≥ </source>
        <translation>峰值 ≥ </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All calls</source>
        <translation>全部通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not calmed down</source>
        <translation>未能平复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No apology</source>
        <translation>未致歉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLEAR not complete</source>
        <translation>CLEAR 未做全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A trap hit</source>
        <translation>踩了话术陷阱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalation words heard</source>
        <translation>客户扬言升级投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the calls where this went wrong</source>
        <translation>只显示在这方面出了问题的通话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search transcripts, customers, case numbers</source>
        <translation>搜索转写文本、客户、投诉单号</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period:</source>
        <translation>时间段：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>(no name)</source>
        <translation>（未填姓名）</translation>
    </message>
</context>
<context>
    <name>CallReport</name>
    <message>
        <location filename="../../ui/call_export.py" line="+77"/>
        <location filename="../../ui/call_report.py" line="+196"/>
        <source>Call report · case %1</source>
        <translation>通话报告 · 投诉单 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/call_report.py" line="+1"/>
        <source>Call report</source>
        <translation>通话报告</translation>
    </message>
    <message>
        <location filename="../../ui/call_report.py" line="-103"/>
        <source>calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elevated</source>
        <translation>偏高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agitated</source>
        <translation>激动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>escalating</source>
        <translation>即将升级</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 at %2</source>
        <translation>%1，出现在 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>in CLEAR order</source>
        <translation>按 CLEAR 顺序</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>out of order: %1</source>
        <translation>未按顺序：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>never</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+32"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case</source>
        <translation>投诉单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the end</source>
        <translation>结束时</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>De-escalation</source>
        <translation>回落幅度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First apology</source>
        <translation>首次致歉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First offer</source>
        <translation>首次提出方案</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Steps done</source>
        <translation>已完成步骤</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traps</source>
        <translation>话术陷阱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalation words</source>
        <translation>扬言升级投诉</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interruptions</source>
        <translation>打断次数</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Caller</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Transcript around the caller&apos;s peak (%1 to %2)</source>
        <translation>客户情绪峰值前后的转写文本（%1 至 %2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 more lines in this span.</source>
        <translation>该时段内另有 %1 句未列出。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was transcribed around the peak.</source>
        <translation>峰值前后没有转写文本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CLEAR steps</source>
        <translation>CLEAR 步骤</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>heard at %1</source>
        <translation>于 %1 识别到</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ticked at %1</source>
        <translation>于 %1 手动勾选</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(%1 times)</source>
        <translation>（%1 次）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unticked later</source>
        <translation>后来取消了勾选</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case notes</source>
        <translation>投诉单备注</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 earlier notes not shown.</source>
        <translation>另有 %1 条较早的备注未显示。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No notes.</source>
        <translation>无备注。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comments</source>
        <translation>点评</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 more comments not shown.</source>
        <translation>另有 %1 条点评未显示。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No comments.</source>
        <translation>无点评。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made with ClearDesk on %1.</source>
        <translation>由 ClearDesk 生成于 %1。</translation>
    </message>
</context>
<context>
    <name>CallViewWidget</name>
    <message>
        <location filename="../../ui/call_view.py" line="+120"/>
        <source>Fit whole call</source>
        <translation>显示整通电话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scroll to zoom, drag to move along the call, click to pick a moment.</source>
        <translation>滚动滚轮缩放，拖动可沿通话前后移动，单击可选定某一时刻。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+247"/>
        <source>Save the curve as a picture</source>
        <translation>将曲线保存为图片</translation>
    </message>
    <message>
        <location line="-245"/>
        <source>Save the call&apos;s data for a spreadsheet</source>
        <translation>保存通话数据，可用电子表格打开</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the call report as PDF</source>
        <translation>将通话报告保存为 PDF</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+1"/>
        <location line="+255"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="-255"/>
        <source>Caller</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No call open</source>
        <translation>未打开通话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a call in the list to see its curve and transcript.</source>
        <translation>在列表中选择一通电话，即可查看它的情绪曲线和转写文本。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This call is not in the database (it may not have synced yet).</source>
        <translation>数据库中没有这通电话（可能尚未同步）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This call&apos;s record is damaged and cannot be shown.</source>
        <translation>这通电话的记录已损坏，无法显示。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unknown caller</source>
        <translation>未知客户</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>case %1</source>
        <translation>投诉单 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call of %1</source>
        <translation>%1 的通话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agent %1</source>
        <translation>坐席 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cut off: ClearDesk stopped during this call</source>
        <translation>已中断：ClearDesk 曾在这通电话中意外停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>speech model %1</source>
        <translation>语音识别模型 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>never</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Peak, %1 at %2</source>
        <translation>峰值（%1），出现在 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak at %2</source>
        <translation>峰值，出现在 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At the end</source>
        <translation>结束时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De-escalation</source>
        <translation>回落幅度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How far the caller came down from the peak by the end</source>
        <translation>到通话结束时，客户情绪从峰值回落了多少</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First apology</source>
        <translation>首次致歉</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First offer</source>
        <translation>首次提出方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps done</source>
        <translation>已完成步骤</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traps</source>
        <translation>话术陷阱</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Escalation words</source>
        <translation>扬言升级投诉</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Part of this call&apos;s curve is damaged and is not shown.</source>
        <translation>这通电话的部分曲线数据已损坏，未予显示。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · no caller speech at this moment</source>
        <translation>%1 · 此刻客户没有说话</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Comment saved at %1; the agent sees it after the next sync.</source>
        <translation>已在 %1 处保存点评；下次同步后坐席即可看到。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type the comment first.</source>
        <translation>请先输入点评内容。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That comment is too long to save (over %1 characters). Shorten it.</source>
        <translation>点评太长，无法保存（超过 %1 个字符）。请删减内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That comment holds a broken character that cannot be saved. Retype it without the odd character.</source>
        <translation>该点评含有一个无法保存的损坏字符。请去掉这个异常字符后重新输入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This call is no longer in the database; the comment was not saved.</source>
        <translation>数据库中已没有这通电话，点评未保存。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is open read-only: the comment cannot be saved. Your text is kept in the box.</source>
        <translation>数据库以只读方式打开，无法保存点评。您输入的内容仍保留在输入框中。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is busy (another window or program is writing). Your text is kept; try again in a moment.</source>
        <translation>数据库正忙（另一个窗口或程序正在写入）。您输入的内容仍然保留，请稍后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database cannot be written (disk full or no permission). Your text is kept.</source>
        <translation>无法写入数据库（磁盘已满或没有权限）。您输入的内容仍然保留。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database reported damage. Close ClearDesk; at the next start you can restore the last backup.</source>
        <translation>数据库报告文件已损坏。请关闭 ClearDesk，下次启动时可以恢复最近一次备份。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database is closed.</source>
        <translation>数据库已关闭。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong: %1</source>
        <translation>出现错误：%1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Saved %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The picture could not be saved: %1</source>
        <translation>无法保存图片：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the call&apos;s data</source>
        <translation>保存通话数据</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The data could not be saved: %1</source>
        <translation>无法保存数据：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the call report</source>
        <translation>保存通话报告</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The report could not be saved: %1</source>
        <translation>无法保存报告：%1</translation>
    </message>
</context>
<context>
    <name>CallWidget</name>
    <message>
        <location filename="../../ui/call_widget.py" line="+43"/>
        <source>calm</source>
        <translation>平静</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>elevated</source>
        <translation>偏高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agitated</source>
        <translation>激动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>escalating</source>
        <translation>即将升级</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Caller</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Start call (F9)</source>
        <translation>开始通话（F9）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No call recorded on this case. Press F9 to start a call: the caller&apos;s agitation, the transcript and the steps you are heard doing appear here.</source>
        <translation>此投诉单还没有通话记录。按 F9 开始通话：客户的情绪曲线、转写文本，以及系统听到您完成的步骤，都会显示在这里。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stop call (F9)</source>
        <translation>结束通话（F9）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opening the audio…</source>
        <translation>正在打开音频…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Caller: waiting for their voice</source>
        <translation>客户：等待对方说话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Caller: %1</source>
        <translation>客户情绪：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the caller&apos;s audio</source>
        <translation>客户音频</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>your microphone</source>
        <translation>您的麦克风</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the audio</source>
        <translation>音频</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listening.</source>
        <translation>正在收音。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The audio is back; listening again.</source>
        <translation>音频已恢复，重新开始收音。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No audio from %1: the device is missing or was unplugged. Your notes and the checklist keep working; the call picks up again as soon as the device is back.</source>
        <translation>%1没有信号：设备不存在或已被拔出。备注和步骤清单仍可正常使用；设备一恢复，通话就会继续收音。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio problem with %1: %2</source>
        <translation>%1出现问题：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The computer was too busy: a moment of audio was skipped.</source>
        <translation>电脑太忙，跳过了一小段音频。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speech recognition is on.</source>
        <translation>语音识别已开启。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The speech model could not be loaded (%1). The curve still works from the voice; there is no transcript.</source>
        <translation>无法加载语音识别模型（%1）。曲线仍会根据声音绘制，但没有转写文本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speech recognition has fallen behind; some words will be missing from the transcript. The curve is not affected.</source>
        <translation>语音识别跟不上了，转写文本会漏掉一些内容。曲线不受影响。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Call %1 · %2</source>
        <translation>通话 %1 · %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cut off</source>
        <translation>已中断</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Recorded call, read-only: %1, peak %2 (%3), at the end %4.</source>
        <translation>已录通话（只读）：时长 %1，峰值 %2（%3），结束时 %4。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ClearDesk stopped during this call; it is kept up to that moment.</source>
        <translation>ClearDesk 曾在这通电话中意外停止；通话已保存到停止时为止。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No transcript for this call.</source>
        <translation>这通电话没有转写文本。</translation>
    </message>
</context>
<context>
    <name>CallbackBannerWidget</name>
    <message>
        <location filename="../../ui/callbacks.py" line="+28"/>
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
    <name>CallsTableModel</name>
    <message>
        <location filename="../../ui/calls_table.py" line="-140"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>投诉单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>结束时</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apology at</source>
        <translation>致歉时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offer at</source>
        <translation>提方案时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>De-escalation</source>
        <translation>回落幅度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CLEAR steps</source>
        <translation>CLEAR 步骤</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traps</source>
        <translation>话术陷阱</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Escalation words</source>
        <translation>扬言升级投诉</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Done at the end: %1. First done in this order: %2</source>
        <translation>通话结束时已完成：%1。首次完成的顺序：%2</translation>
    </message>
</context>
<context>
    <name>CaseEditorWidget</name>
    <message>
        <location filename="../../ui/case_editor.py" line="+69"/>
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
        <location filename="../../ui/case_list.py" line="+49"/>
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
        <location line="+18"/>
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
        <location line="+22"/>
        <source>Follow-ups due (%1)</source>
        <translation>待回访（%1）</translation>
    </message>
</context>
<context>
    <name>ClearPanelWidget</name>
    <message>
        <location filename="../../ui/clear_panel.py" line="+64"/>
        <source>CLEAR steps</source>
        <translation>CLEAR 步骤</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Ctrl+%1 ticks this step</source>
        <translation>按 Ctrl+%1 勾选此步骤</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show what to do and say</source>
        <translation>查看做法和话术</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Buy time (callback promise)</source>
        <translation>争取时间（约定回电）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+B — promise a callback and start a countdown</source>
        <translation>Ctrl+B——约定回电并开始倒计时</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>heard: %1</source>
        <translation>听到：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ticked by itself when you were heard saying: %1</source>
        <translation>听到您说了以下内容，已自动勾选：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At %1 in the call</source>
        <translation>通话进行到 %1 时</translation>
    </message>
    <message>
        <location line="+42"/>
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
    <message>
        <location line="+31"/>
        <source>Breathe out slowly. Slow down and lower your voice.</source>
        <translation>慢慢呼气。放慢语速，压低音量。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your own voice sounds stressed (C: control your emotions).</source>
        <translation>您的声音听起来很紧张（C：控制情绪）。</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>The caller mentioned a regulator</source>
        <translation>客户提到了监管部门</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not argue or try to talk them out of it. Take the complaint seriously and say what you will do now.</source>
        <translation>不要争辩，也不要劝客户打消念头。认真对待这次投诉，说明您现在会怎么做。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller mentioned a lawyer</source>
        <translation>客户提到了律师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay calm and blame no one. Say what you can do now; offer your supervisor if they want more.</source>
        <translation>保持冷静，不指责任何人。说明您现在能做什么；如果客户还不满意，可以请主管来处理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller mentioned the media</source>
        <translation>客户提到了媒体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not plead or argue. Apologize for the situation and offer a concrete next step with a time.</source>
        <translation>不要恳求，也不要争辩。为发生的情况道歉，并提出具体的下一步和完成时间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller mentioned a manager</source>
        <translation>客户要求找领导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what you can do yourself first. If they still ask, offer a supervisor or a callback at a set time.</source>
        <translation>先说明您自己能做什么。如果客户仍然要求，可以请主管接听，或约定时间回电。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The caller mentioned cancelling</source>
        <translation>客户提到要取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not argue. Ask what would put it right for them and offer options.</source>
        <translation>不要争辩。问问客户怎样处理才满意，并提供几种方案供选择。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalation words from the caller</source>
        <translation>客户说了要升级投诉的话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stay calm, listen and offer a concrete next step.</source>
        <translation>保持冷静，认真倾听，并提出具体的下一步。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The caller interrupted you</source>
        <translation>客户打断了您</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop and let them finish. Then restate what you heard.</source>
        <translation>先停下来，让客户说完，再复述您听到的内容。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apology followed by “but”</source>
        <translation>道歉后接了“但是”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The “but” cancels the apology. Apologize for the situation, then say what you will do.</source>
        <translation>“但是”会抵消前面的道歉。先为发生的情况道歉，再说明您会怎么做。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bare “I understand”</source>
        <translation>只说了一句“我理解”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say what you understand: “I understand you&apos;re upset because …”.</source>
        <translation>说出您理解了什么：“我理解您很着急，因为……”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You talked over the caller</source>
        <translation>您抢了客户的话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop and let them finish. Short sounds such as “mm” show you are listening.</source>
        <translation>先停下来，让客户说完。用“嗯”这样的简短回应，表示您在听。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch what you say</source>
        <translation>注意措辞</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen first, and let the caller finish.</source>
        <translation>先倾听，让客户把话说完。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Offer a concrete next step, or a callback at a set time.</source>
        <translation>提出具体的下一步，或约定时间回电。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If it does not settle, consider handing over to your supervisor.</source>
        <translation>如果情绪仍未缓和，可考虑转交主管处理。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do now: the caller is escalating</source>
        <translation>现在就做：客户即将升级投诉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do now: the caller is upset</source>
        <translation>现在就做：客户情绪激动</translation>
    </message>
</context>
<context>
    <name>ComparePlotWidget</name>
    <message>
        <location filename="../../ui/compare_plot.py" line="+56"/>
        <source>Align at the start</source>
        <translation>按通话开始对齐</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Align at the peak</source>
        <translation>按峰值对齐</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Caller&apos;s agitation</source>
        <translation>客户激动程度</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Select two or more calls in the list (Ctrl+click), then press &quot;Compare selected&quot;.</source>
        <translation>在列表中选择两通或更多电话（Ctrl+单击），然后点击“对比所选”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each line is one caller&apos;s agitation; 0:00 is the start of each call or, aligned at the peak, the moment of its peak.</source>
        <translation>每条线是一位客户的激动程度；0:00 是各通电话的开始，按峰值对齐时则是各自的峰值时刻。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Calls that could not be read: %1.</source>
        <translation>有 %1 通电话无法读取。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the first %1 calls are shown.</source>
        <translation>只显示前 %1 通电话。</translation>
    </message>
</context>
<context>
    <name>CooldownDialog</name>
    <message>
        <location filename="../../ui/cooldown_dialog.py" line="+63"/>
        <source>A minute to breathe</source>
        <translation>花一分钟调整呼吸</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>That was a hard call. The anger was about the problem, not about you. Breathe with the circle before the next call.</source>
        <translation>刚才这通电话不容易。客户生气是因为问题本身，不是因为您。接下一通电话前，跟着圆圈一起呼吸吧。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ready for the next call</source>
        <translation>准备好接下一通</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Breathe in…</source>
        <translation>吸气…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Breathe out…</source>
        <translation>呼气…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 left</source>
        <translation>还剩 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Well done.</source>
        <translation>做得很好。</translation>
    </message>
</context>
<context>
    <name>DigestDialog</name>
    <message>
        <location filename="../../ui/digest_view.py" line="+348"/>
        <source>Morning meeting digest</source>
        <translation>早班会简报</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DigestPage</name>
    <message>
        <location filename="../../ui/digest_page.py" line="+88"/>
        <source>Morning meeting digest</source>
        <translation>早班会简报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No category</source>
        <translation>未分类</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“Sorry, but…”</source>
        <translation>“对不起，但是……”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bare “I understand”</source>
        <translation>空泛的“我理解”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talked over the caller</source>
        <translation>抢客户的话</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Regulator</source>
        <translation>监管部门</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lawyer</source>
        <translation>律师</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>媒体</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Manager</source>
        <translation>找领导</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>要取消</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 to %2 (%3 days)</source>
        <translation>%1 至 %2（共 %3 天）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>W%1</source>
        <translation>第 %1 周</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Whole team</source>
        <translation>全组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agent: %1</source>
        <translation>坐席：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to report for this period.</source>
        <translation>这段时间没有需要通报的事项。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calls handled</source>
        <translation>处理来电</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agitation, average peak / highest</source>
        <translation>激动程度：平均峰值 / 最高</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calmed down (agitated callers)</source>
        <translation>情绪平复（激动的客户）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 (%3)</source>
        <translation>%2 位中 %1 位（%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CLEAR complete / in order</source>
        <translation>CLEAR 五步做全 / 按顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 / %2 (%3 / %4)</source>
        <translation>%1 / %2（%3 / %4）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Median time to apology</source>
        <translation>致歉用时（中位数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No apology heard</source>
        <translation>未听到致歉</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 calls)</source>
        <translation>%1（%2 通来电）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+91"/>
        <source>Traps</source>
        <translation>话术陷阱</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Escalation threats</source>
        <translation>扬言升级投诉</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New cases</source>
        <translation>新增投诉单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open cases now</source>
        <translation>目前未结投诉单</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback promises due</source>
        <translation>到期的回电承诺</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up visits due</source>
        <translation>到期的回访</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 done; %3 overdue now</source>
        <translation>%2 个中已完成 %1 个；目前逾期 %3 个</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No ratings</source>
        <translation>暂无评分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 average (%2 ratings)</source>
        <translation>平均 %1 分（%2 个评分）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No calls in this period.</source>
        <translation>这段时间没有来电。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 kept, %3 broken (%4 late, %5 not called back)</source>
        <translation>共 %1 个：兑现 %2 个，失约 %3 个（回电晚了 %4 个，未回电 %5 个）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, %1 still to call</source>
        <translation>，尚待回电 %1 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 cancelled</source>
        <translation>，已取消 %1 个</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+60"/>
        <location line="+28"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No new cases in this period.</source>
        <translation>这段时间没有新增投诉单。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New cases by source of dissatisfaction</source>
        <translation>新增投诉单（按不满来源）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trend by day</source>
        <translation>每日趋势</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trend by week</source>
        <translation>每周趋势</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trend by month</source>
        <translation>每月趋势</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>… and %1 more</source>
        <translation>……另有 %1 项</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peak</source>
        <translation>峰值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End</source>
        <translation>结束时</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+13"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>投诉单号</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The most agitated calls</source>
        <translation>情绪最激动的来电</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Average peak</source>
        <translation>平均峰值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calmed down</source>
        <translation>平复</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CLEAR complete</source>
        <translation>CLEAR 做全</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In order</source>
        <translation>按顺序</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>By agent</source>
        <translation>各坐席情况</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2 — due %3</source>
        <translation>%1 %2：应于 %3 回电</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Callbacks overdue now</source>
        <translation>目前已超时的回电</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — %2 cases in %3 days: %4 (%5)</source>
        <translation>%1：%3 天内 %2 张投诉单，%4（%5）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Repeat customers</source>
        <translation>重复投诉的客户</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Root cause:</source>
        <translation>根本原因：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prevention:</source>
        <translation>预防措施：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>To read out: root causes and prevention</source>
        <translation>班会宣读：根本原因与预防措施</translation>
    </message>
</context>
<context>
    <name>DigestWidget</name>
    <message>
        <location filename="../../ui/digest_view.py" line="-223"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
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
        <location line="+1"/>
        <source>Custom dates</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Whole team</source>
        <translation>全组</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Period</source>
        <translation>时间段</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Working…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The digest could not be made: %1</source>
        <translation>无法生成简报：%1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Agent: %1</source>
        <translation>坐席：%1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export the digest as PDF</source>
        <translation>将简报导出为 PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PDF could not be written: %1</source>
        <translation>无法写入 PDF 文件：%1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The printer could not be opened.</source>
        <translation>无法打开打印机。</translation>
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
    <name>LevelMeterWidget</name>
    <message>
        <location filename="../../ui/level_meter.py" line="+30"/>
        <source>Sound level: green is speech, yellow is loud, red is too loud</source>
        <translation>音量：绿色为正常说话，黄色为偏大，红色为过大</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/app.py" line="+105"/>
        <location filename="../../ui/main_window.py" line="+149"/>
        <source>New case</source>
        <translation>新建投诉单</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="-82"/>
        <source>Restored notes that had not been added yet.</source>
        <translation>已恢复尚未添加的备注。</translation>
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
        <translation>只读模式：所做的修改都不会保存。</translation>
    </message>
    <message>
        <location line="-226"/>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Start or stop a call</source>
        <translation>开始或结束通话</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <source>Review calls</source>
        <translation>通话回顾</translation>
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
        <location line="+1"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick step %1</source>
        <translation>勾选步骤 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A call is running on another case: stop the call (F9) before opening a different case.</source>
        <translation>另一张投诉单正在通话中：请先结束通话（F9），再打开其他投诉单。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Stop the call (F9) before starting a new case.</source>
        <translation>请先结束通话（F9），再新建投诉单。</translation>
    </message>
    <message>
        <location line="+37"/>
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
        <location line="+37"/>
        <source>Settings can be changed after the call.</source>
        <translation>通话结束后才能修改设置。</translation>
    </message>
    <message>
        <location line="+28"/>
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
        <location line="+1"/>
        <source>That text holds a broken character that cannot be saved. Retype it without the odd character.</source>
        <translation>该文本含有一个无法保存的损坏字符。请去掉这个异常字符后重新输入。</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location filename="../../ui/notes_widget.py" line="+59"/>
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
    <name>ReceivedCommentsWidget</name>
    <message>
        <location filename="../../ui/received_comments.py" line="+39"/>
        <source>Mark all as read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Written</source>
        <translation>点评时间</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>点评人</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>投诉单号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call of</source>
        <translation>通话开始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At</source>
        <translation>点评位置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>点评</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The comments could not be read: %1</source>
        <translation>无法读取点评：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Comments on your calls appear here once your name is set (Settings) or sync is signed in.</source>
        <translation>在“设置”中填写您的姓名，或登录同步之后，针对您通话的点评会显示在这里。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No comments on your calls yet.</source>
        <translation>您的通话暂无点评。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New comments on your calls: %1</source>
        <translation>您的通话有新点评：%1 条</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not remember what was read: %1</source>
        <translation>无法记录已读状态：%1</translation>
    </message>
</context>
<context>
    <name>ReviewControl</name>
    <message>
        <location filename="../../ui/review_control.py" line="+103"/>
        <source>Review calls</source>
        <translation>通话回顾</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (new comments: %2)</source>
        <translation>%1（新点评：%2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A supervisor commented on your calls: open Review calls (Ctrl+R).</source>
        <translation>主管点评了您的通话：请打开“通话回顾”（Ctrl+R）查看。</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../ui/review_window.py" line="+83"/>
        <source>ClearDesk — call review</source>
        <translation>ClearDesk——通话回顾</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Compare selected</source>
        <translation>对比所选</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select two or more calls (Ctrl+click) to lay their curves over each other</source>
        <translation>选择两通或更多电话（Ctrl+单击），把它们的曲线叠在一起对比</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Calls</source>
        <translation>通话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team</source>
        <translation>团队数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My figures</source>
        <translation>我的数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Morning digest</source>
        <translation>早班会简报</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comments for me</source>
        <translation>给我的点评</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Supervisor %1, team %2: the team&apos;s calls</source>
        <translation>主管 %1，团队 %2：本团队的通话</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Agent %1: your own calls</source>
        <translation>坐席 %1：您本人的通话</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desk: every call recorded here</source>
        <translation>本机：在此记录的全部通话</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The calls could not be read. %1</source>
        <translation>无法读取通话记录。%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Calls: %1</source>
        <translation>通话数：%1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+34"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+9"/>
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
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio and speech</source>
        <translation>音频与语音</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The sync settings could not be saved: %1</source>
        <translation>无法保存同步设置：%1</translation>
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
<context>
    <name>SyncControl</name>
    <message>
        <location filename="../../ui/sync_control.py" line="+135"/>
        <source>Sync is off: set the team&apos;s server in Settings, on the Sync page.</source>
        <translation>同步未开启：请在“设置”的“同步”页填写团队的服务器。</translation>
    </message>
</context>
<context>
    <name>SyncSettingsWidget</name>
    <message>
        <location filename="../../ui/sync_settings.py" line="+78"/>
        <source>Sync is optional. Without a server, ClearDesk works alone on this computer and keeps everything in its own database. When a server is set, cases and notes are shared with your team, and what was made meanwhile is sent too.</source>
        <translation>同步是可选的。没有服务器时，ClearDesk 在本机独立工作，所有内容都保存在本机的数据库中。设置服务器后，投诉单和备注会与团队共享，此前在本机录入的内容也会一并发送。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workstation token</source>
        <translation>工作站令牌</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate file (optional)</source>
        <translation>证书文件（可选）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if IT gave you a certificate file for this server. Left empty, the certificates this computer trusts are used.</source>
        <translation>仅当 IT 人员为该服务器提供了证书文件时才需要填写。留空则使用本机信任的证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Changes the server refused</source>
        <translation>服务器拒收的更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A token is stored in the system keyring. Leave the field empty to keep it.</source>
        <translation>已有令牌保存在系统密钥环中。此栏留空即继续使用该令牌。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A token is stored in a file only your user account can read (no keyring on this computer). Leave the field empty to keep it.</source>
        <translation>已有令牌保存在一个只有您的用户账户能读取的文件中（本机没有系统密钥环）。此栏留空即继续使用该令牌。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paste the token your supervisor gave you for this workstation.</source>
        <translation>请粘贴主管为本工作站发给您的令牌。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Left empty, sync is off and this desk works alone.</source>
        <translation>留空则不同步，本机独立工作。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not a server address. It looks like https://sync.example.com:8765</source>
        <translation>这不是有效的服务器地址。格式如：https://sync.example.com:8765</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without https, the token and the cases cross the network unencrypted. Use https unless the server is on this computer.</source>
        <translation>不使用 https 时，令牌和投诉单内容会以明文在网络上传输。除非服务器就在本机，否则请使用 https。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The address your supervisor or IT gave you, with its port. Clear it to stop syncing.</source>
        <translation>主管或 IT 人员提供的地址，包括端口。清空地址即停止同步。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the server&apos;s certificate file</source>
        <translation>选择服务器的证书文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The certificate file is not there: %1</source>
        <translation>找不到证书文件：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server address is not valid. It looks like https://sync.example.com:8765</source>
        <translation>服务器地址无效。格式如：https://sync.example.com:8765</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the workstation token, or clear the server address to work without a server.</source>
        <translation>请填写工作站令牌；如果不使用服务器，请清空服务器地址。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+68"/>
        <source>Enter the server address and the token first.</source>
        <translation>请先填写服务器地址和令牌。</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected as %1 (%2, team %3). Press OK to save and start syncing.</source>
        <translation>已连接：%1（%2，团队 %3）。按“确定”保存并开始同步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected as %1 (%2). Press OK to save and start syncing.</source>
        <translation>已连接：%1（%2）。按“确定”保存并开始同步。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check that the whole token was pasted, or ask your supervisor for a new one.</source>
        <translation>请检查令牌是否已完整粘贴，或请主管重新发放一个。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server cannot be reached. Check the address and the port, and that this computer is on the network. Until it can be reached, the desk works alone and sends everything later.</source>
        <translation>无法连接服务器。请检查地址和端口，以及本机是否已联网。连上之前，本机独立工作，之后再把所有内容发送出去。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s certificate is not trusted. Check that the address is right; if it is, ask IT for the server&apos;s certificate file and choose it below.</source>
        <translation>服务器的证书不受信任。请检查地址是否正确；如果正确，请向 IT 人员索取服务器的证书文件，并在下方选择。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account is disabled on the server. Ask your supervisor.</source>
        <translation>该账户已在服务器上停用。请联系主管。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server answered with an error. Try again later, and tell IT if it stays.</source>
        <translation>服务器返回了错误。请稍后再试；如果问题持续，请告知 IT 人员。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This address does not answer like a ClearDesk sync server. Check the address and the port.</source>
        <translation>该地址的响应不像 ClearDesk 同步服务器。请检查地址和端口。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server refused %1 change(s). They are kept on this computer. Once the cause is fixed (ask your supervisor), send them again.</source>
        <translation>服务器拒收了 %1 项更改，这些更改仍保存在本机。原因排除后（请询问主管），请重新发送。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not queue them again: %1</source>
        <translation>无法重新加入发送队列：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 change(s) queued again; they are sent at the next sync.</source>
        <translation>已将 %1 项更改重新加入发送队列，下次同步时发送。</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/sync_status.py" line="+38"/>
        <source>The token has expired.</source>
        <translation>令牌已过期。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The token was withdrawn on the server.</source>
        <translation>令牌已在服务器上被撤销。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The token is not one this server issued: it may be mistyped or made for another server.</source>
        <translation>此令牌不是该服务器签发的：可能输入有误，或是为其他服务器生成的。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server does not know this token.</source>
        <translation>服务器上没有这个令牌。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server did not accept the token.</source>
        <translation>服务器不接受此令牌。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>1 change waiting to sync</source>
        <translation>1 项更改等待同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 changes waiting to sync</source>
        <translation>%1 项更改等待同步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sync stopped: the server refused this workstation&apos;s token — ask your supervisor for a new one</source>
        <translation>同步已停止：服务器拒绝了本工作站的令牌——请向主管申请新令牌</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync stopped: this account is disabled on the server — ask your supervisor</source>
        <translation>同步已停止：该账户已在服务器上停用——请联系主管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync stopped: the server&apos;s certificate is not trusted — ask IT to check the server</source>
        <translation>同步已停止：服务器的证书不受信任——请 IT 人员检查服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync stopped: this address is not a ClearDesk sync server — check it in the settings</source>
        <translation>同步已停止：该地址不是 ClearDesk 同步服务器——请在设置中检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync paused: the server reported an error — will retry</source>
        <translation>同步暂停：服务器报告了错误——将自动重试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync paused: the local database is busy or damaged — will retry</source>
        <translation>同步暂停：本机数据库繁忙或已损坏——将自动重试</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync paused: %1 — will retry</source>
        <translation>同步暂停：%1——将自动重试</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync off</source>
        <translation>同步未开启</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synced at %1</source>
        <translation>已于 %1 同步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offline since %1 — will retry</source>
        <translation>自 %1 起离线——将自动重试</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 waiting</source>
        <translation>%1 项待同步</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 refused</source>
        <translation>%1 项被拒收</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No sync server is set: this desk works alone and keeps everything on this computer.</source>
        <translation>未设置同步服务器：本机独立工作，所有内容都保存在本机。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last synced: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server refused %1 change(s); they are kept on this computer. See the Sync settings.</source>
        <translation>服务器拒收了 %1 项更改，这些更改仍保存在本机。详见同步设置。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Next try at %1.</source>
        <translation>将于 %1 重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Details: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click for the sync settings; right-click to sync now.</source>
        <translation>单击打开同步设置；右键单击可立即同步。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync settings…</source>
        <translation>同步设置…</translation>
    </message>
</context>
<context>
    <name>TeamStatsWidget</name>
    <message>
        <location filename="../../ui/team_stats.py" line="+86"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calls</source>
        <translation>来电</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Average peak</source>
        <translation>平均峰值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest peak</source>
        <translation>最高峰值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Average end</source>
        <translation>平均结束值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calmed down</source>
        <translation>平复</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>CLEAR complete</source>
        <translation>CLEAR 做全</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>In CLEAR order</source>
        <translation>按 CLEAR 顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to apology (median)</source>
        <translation>致歉用时（中位数）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traps</source>
        <translation>话术陷阱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callbacks on time</source>
        <translation>按时回电</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow-ups done</source>
        <translation>已完成回访</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Calmed down: of the calls whose caller became agitated, the share that ended below the elevated band. Callbacks on time: promises to call back kept by the time promised, of those due in the period. Follow-ups done: of the follow-up visits dated in the period. Satisfaction: the average rating (1–5) given in the period, with how many were rated.</source>
        <translation>平复：客户一度激动的来电中，结束时已回落到“偏高”以下的比例。按时回电：本时段到期的回电承诺中，在承诺时间之前完成的比例。已完成回访：本时段内预定的回访中已完成的数量。满意度：本时段内给出的平均评分（1–5），以及评分人数。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 (%2 rated)</source>
        <translation>%1（%2 人评分）</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Caller&apos;s agitation</source>
        <translation>客户激动程度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcomes (% of calls)</source>
        <translation>结果（占来电的百分比）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>any date</source>
        <translation>全部日期</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Figures over %1</source>
        <translation>统计时段：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <source>Team</source>
        <translation>全组</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>average peak</source>
        <translation>平均峰值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>highest peak</source>
        <translation>最高峰值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>calmed down</source>
        <translation>平复</translation>
    </message>
</context>
<context>
    <name>TranscriptWidget</name>
    <message>
        <location filename="../../ui/transcript_widget.py" line="+241"/>
        <source>Caller</source>
        <translation>客户</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>You</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Jump to latest</source>
        <translation>跳到最新</translation>
    </message>
</context>
<context>
    <name>WarningCardWidget</name>
    <message>
        <location filename="../../ui/live_hints.py" line="+89"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
