"""A big, realistic ClearDesk database for the search and start-up benchmarks.

100 000 cases with their customers, field-edit history, callbacks, CLEAR ticks, progress
updates and 500 000 notes in mixed Chinese and English, written the way the app writes them:
:func:`db.events.apply_field_events` and :func:`db.events.append_rows` (so the FTS triggers,
the events log and the outbox all fill up as they would on a real desk), on the store's
database thread, in large transactions. Timestamps spread over the last two years.

The database is cached in ``bench/out/big/`` with a manifest; it is rebuilt only when the
generator, the schema or the requested size changes (or with ``--regenerate``)::

    python -m bench.datagen [--cases 100000] [--notes 500000] [--regenerate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from bench.common import OUT, ROOT, size
from db.clock import format_hlc, new_id
from db.events import FieldEvent, append_rows, apply_field_events, transaction
from db.schema import SCHEMA_VERSION
from desk.paths import DB_NAME
from desk.store import Store
from desk.timeutil import to_iso

GENERATOR_VERSION = 4  # bump when the data changes, so cached databases are rebuilt
SEED = 20240611
BATCH_CASES = 2000  # cases (with all their rows) per transaction

# Planted terms, so the search benchmark knows what to expect.
RARE_TERM = "Zephyrus"  # product name in ~1 note in 25 000
RARE_EVERY = 25_000

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯"
            "邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"
         "玉萍红娥玲芬燕彬鹏辉浩宇欣怡子轩梓涵雨")
EN_FIRST = ["James", "Mary", "David", "Linda", "Michael", "Sarah", "Wei", "Anna", "Tom", "Grace",
            "Kevin", "Helen", "Peter", "Lucy", "Jason", "Emily"]
EN_LAST = ["Smith", "Brown", "Wong", "Chan", "Lee", "Taylor", "Johnson", "Miller", "Davis",
           "Garcia", "Wilson", "Martin"]
MOBILE_PREFIXES = ["130", "131", "132", "135", "136", "137", "138", "139", "150", "151", "152",
                   "157", "158", "159", "176", "177", "180", "181", "186", "187", "188", "189"]

PRODUCTS_ZH = ["洗衣机", "冰箱", "空调", "电视", "热水器", "扫地机器人", "手机", "笔记本电脑",
               "蓝牙耳机", "电饭煲", "微波炉", "油烟机", "净水器", "路由器", "智能手表"]
PRODUCTS_EN = ["washing machine", "fridge", "air conditioner", "TV", "water heater",
               "robot vacuum", "phone", "laptop", "earbuds", "rice cooker", "router",
               "smart watch"]

COMPLAINT_ZH = [
    "收到的{p}外壳有明显划痕，要求换货", "{p}用了不到一个月就坏了，质量问题太严重",
    "快递延误了{n}天还没送到，也没人通知", "退款申请提交{n}天了到现在还没到账",
    "客服态度很差，说话很不耐烦", "门店店员说话不客气，还让我自己去找厂家",
    "买完第二天就降价{n}百元，要求退差价", "宣传说包安装，结果安装要另外收费",
    "维修后同样的质量问题又出现了，已经修了{n}次", "说明书和实际功能不一致，感觉被误导",
    "承诺的回电一直没有接到，打了{n}次电话都没人处理", "包装破损，里面的配件缺失",
    "会员积分被无故扣除，要求恢复", "发票开错了，需要重新开具", "同一个订单被重复扣款",
    "安装师傅没有按时上门，白等了一个下午", "{p}噪音很大，晚上根本没法睡觉",
    "送货时把地板刮坏了，要求赔偿", "以旧换新的补贴一直没有到账", "售后电话一直打不通",
]
COMPLAINT_EN = [
    "The {p} arrived with a cracked screen and the customer wants a replacement",
    "Refund still not received after {n} days", "Charged twice for the same order",
    "Delivery was {n} days late and nobody called", "The store staff were rude at the counter",
    "The {p} stopped working after two weeks, quality problem", "Price dropped {n}0 RMB the "
    "day after purchase, customer wants the difference", "Installation was promised free but "
    "the technician asked for a fee", "The same fault came back after repair",
    "Promised callback never happened", "Warranty repair is taking too long",
]
NOTE_ZH = [
    "客户来电询问退款进度", "已核实订单信息，订单号{o}", "已安抚客户情绪并记录诉求",
    "客户情绪激动，要求投诉到总部", "答应明天下午{h}点前回电", "已联系物流核实签收情况",
    "售后工程师确认是主板故障", "客户同意换货方案", "补偿{n}十元优惠券，客户接受",
    "客户表示如果不解决就去消协投诉", "核对订单后发现重复扣款，已提交退款",
    "电话沟通后客户表示理解", "回访时客户表示问题已解决，满意", "已申请上门检测，预约周{d}",
    "已转交售后部门处理，负责人{name}", "客户要求书面道歉", "已向主管申请特殊补偿",
    "确认是质量问题，按三包政策换新", "客户不接受维修，坚持退货", "已告知客户退款3到5个工作日到账",
    "客户说{p}一直漏水", "发送短信告知处理进度", "已登记问题，跟进中", "客户没有接电话，稍后再联系",
]
NOTE_EN = [
    "customer called about the refund", "checked order {o}", "customer was upset, calmed down "
    "after listening", "promised a callback before {h} pm", "logistics confirmed the parcel was "
    "delivered to the locker", "engineer says the mainboard is faulty", "customer accepted an "
    "exchange", "offered a {n}0 RMB voucher as compensation", "escalated to the store manager",
    "customer wants a written apology", "refund submitted, 3-5 working days",
    "sent an SMS with the progress", "no answer, will try again later", "replacement unit "
    "shipped, tracking {o}", "customer satisfied with the solution", "customer says the {p} is "
    "still noisy", "firmware update fixed the issue",
]
RESULT_ZH = ["已换新机，客户满意", "已全额退款", "补偿优惠券后客户接受", "维修完成，问题解决",
             "已退差价", "客户撤回投诉"]
RESULT_EN = ["Replaced the unit", "Full refund issued", "Voucher accepted", "Repaired, fixed"]
UPDATE_ZH = ["您好，您的退款已提交，预计3到5个工作日到账", "您好，工程师将于明天上午上门",
             "新机已发出，请注意查收"]
UPDATE_EN = ["Your refund has been submitted", "The engineer will visit tomorrow morning"]
CATEGORIES = ["quality", "communication", "attitude", "price", "expectation"]
SEVERITIES = (["low"] * 3) + (["medium"] * 5) + (["high"] * 2) + ["critical"]
STYLES = ["direct", "analytical", "supportive", "competitive", ""]
STAGES = ["attune", "calm", "reason", "solution", "reduce_impact", "visible_progress",
          "result", "improve"]
DEPARTMENTS = ["customer_service", "after_sales", "logistics", "billing", "store", "quality"]
SOLUTIONS = ["refund", "exchange", "repair", "compensation", "other"]
AGENTS = ["张敏", "李强", "Wang Fang", "陈静", "Liu Yang", "赵磊", "周杰", "Grace Lee"]
STEPS = ["C", "L", "E", "A", "R"]


@dataclass(frozen=True)
class Manifest:
    generator: int
    schema: int
    storage: str  # fingerprint of the code that writes the rows (schema may change in place)
    cases: int
    notes: int
    seed: int


def storage_fingerprint() -> str:
    """A hash of db/schema.py and db/events.py: a cached database is rebuilt when they change."""
    digest = hashlib.sha256()
    for name in ("schema.py", "events.py"):
        digest.update((ROOT / "db" / name).read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class BigDatabase:
    path: Path
    manifest: dict[str, Any]


class _Gen:
    """Rows for one batch at a time; deterministic for a seed."""

    def __init__(self, seed: int, device: str, now: datetime) -> None:
        self.r = random.Random(seed)
        self.device = device
        self.now = now
        self.counter = 0
        self.note_seq = 0
        self.customers: list[tuple[str, str]] = []  # (id, phone digits) made so far

    # -- small pieces -------------------------------------------------------------------
    def at(self, dt: datetime) -> tuple[str, str]:
        """(ISO time, HLC) of a change made at ``dt``."""
        self.counter = (self.counter + 1) % 100_000
        return to_iso(dt), format_hlc(int(dt.timestamp() * 1000), self.counter, self.device)

    def fill(self, template: str) -> str:
        r = self.r
        return template.format(
            p=r.choice(PRODUCTS_ZH), n=r.randint(2, 9), h=r.randint(1, 6),
            d="一二三四五"[r.randint(0, 4)], o=f"SO{r.randint(10**11, 10**12 - 1)}",
            name=self.name_zh())

    def fill_en(self, template: str) -> str:
        r = self.r
        return template.format(p=r.choice(PRODUCTS_EN), n=r.randint(2, 9), h=r.randint(1, 6),
                               o=f"SO{r.randint(10**11, 10**12 - 1)}")

    def name_zh(self) -> str:
        r = self.r
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.randint(1, 2)))

    def phone(self) -> tuple[str, str]:
        """(as typed, digits): mobile numbers in the formats agents type them."""
        r = self.r
        digits = r.choice(MOBILE_PREFIXES) + f"{r.randint(0, 10**8 - 1):08d}"
        style = r.random()
        if style < 0.5:
            typed = digits
        elif style < 0.75:
            typed = f"{digits[:3]} {digits[3:7]} {digits[7:]}"
        elif style < 0.9:
            typed = f"+86 {digits[:3]}-{digits[3:7]}-{digits[7:]}"
        else:
            typed = f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
        return typed, digits

    def note_text(self) -> str:
        r = self.r
        self.note_seq += 1
        parts = []
        for _ in range(r.choice((1, 2, 2, 3, 3, 4, 5))):
            if r.random() < 0.65:
                parts.append(self.fill(r.choice(NOTE_ZH)))
            else:
                parts.append(self.fill_en(r.choice(NOTE_EN)))
        if self.note_seq % RARE_EVERY == 7:
            parts.insert(r.randrange(len(parts) + 1), f"{RARE_TERM} 型号咨询")
        text = "，".join(parts) if r.random() < 0.6 else "; ".join(parts)
        if r.random() < 0.03:  # the occasional long note: a pasted e-mail or chat log
            text += "\n" + "\n".join(self.fill(r.choice(NOTE_ZH)) + "。" +
                                     self.fill_en(r.choice(NOTE_EN)) + "."
                                     for _ in range(r.randint(10, 40)))
        return text

    def events(self, entity: str, entity_id: str, values: dict[str, Any],
               dt: datetime) -> list[FieldEvent]:
        out = []
        for key, value in values.items():
            iso, hlc = self.at(dt)
            out.append(FieldEvent(new_id(), entity, entity_id, key, value, hlc, self.device, iso))
        return out

    # -- one case with everything around it ------------------------------------------
    def customer(self, created: datetime) -> tuple[str, list[FieldEvent]]:
        r = self.r
        if self.customers and r.random() < 0.3:  # a returning customer
            return r.choice(self.customers)[0], []
        cid = new_id()
        typed, digits = self.phone()
        name = self.name_zh() if r.random() < 0.85 else f"{r.choice(EN_FIRST)} {r.choice(EN_LAST)}"
        values: dict[str, Any] = {"name": name, "phone": typed}
        if r.random() < 0.3:
            values["id_number"] = f"{r.randint(110000, 659999)}{r.randint(1950, 2005)}" \
                                  f"{r.randint(1, 12):02d}{r.randint(1, 28):02d}" \
                                  f"{r.randint(0, 999):03d}{r.choice('0123456789X')}"
        self.customers.append((cid, digits))
        return cid, self.events("customer", cid, values, created)

    def case(self, age_days: float, events: list[FieldEvent], notes: list[dict[str, Any]],
             ticks: list[dict[str, Any]], updates: list[dict[str, Any]],
             notes_wanted: int) -> None:
        r = self.r
        created = self.now - timedelta(days=age_days, seconds=r.randint(0, 86_399))
        customer_id, customer_events = self.customer(created)
        events.extend(customer_events)
        case_id = new_id()
        agent = r.choice(AGENTS)
        complaint = (self.fill(r.choice(COMPLAINT_ZH)) if r.random() < 0.75
                     else self.fill_en(r.choice(COMPLAINT_EN)))
        fields: dict[str, Any] = {
            "status": "open", "stage": "attune", "severity": r.choice(SEVERITIES),
            "agent": agent, "owner": agent, "customer_id": customer_id, "complaint": complaint,
            "category": r.choice(CATEGORIES), "style": r.choice(STYLES),
            "department": r.choice(DEPARTMENTS),
        }
        events.extend(self.events("case", case_id, fields, created))
        # Work on the case over the following hours or days.
        closed = (age_days > 14 and r.random() < 0.9) or (age_days > 2 and r.random() < 0.5)
        worked = created + timedelta(hours=r.uniform(0.2, 72))
        if worked > self.now:
            worked = created + (self.now - created) / 2
        later: dict[str, Any] = {"stage": r.choice(STAGES[2:]), "solution_options":
                                 sorted(r.sample(SOLUTIONS, r.randint(1, 3)))}
        if closed:
            later.update({
                "status": r.choice(("resolved", "closed", "closed")), "stage": "result",
                "solution": later["solution_options"][0],
                "result": r.choice(RESULT_ZH) if r.random() < 0.75 else r.choice(RESULT_EN),
                "satisfaction": r.choice((1, 2, 3, 3, 4, 4, 4, 5, 5, 5)),
                "resolved_at": to_iso(worked)})
            if r.random() < 0.3:
                follow = (worked + timedelta(days=r.randint(3, 14))).date().isoformat()
                later.update({"followup_date": follow,
                              "followup_done": 1 if follow < self.now.date().isoformat()
                              and r.random() < 0.95 else 0})
            if r.random() < 0.2:
                later.update({"root_cause": "供应商批次质量问题", "prevention": "加强来料检验"})
        events.extend(self.events("case", case_id, later, worked))
        # Callbacks ("buy time"): most kept, a few open, some of those overdue.
        roll = r.random()
        if roll < 0.12:
            cb_id = new_id()
            if not closed and roll < 0.04:
                due = self.now + timedelta(minutes=r.uniform(-600, 600))
                status = "open"
            else:
                due = created + timedelta(minutes=r.choice((15, 30, 60, 240)))
                status = "done"
            cb_fields: dict[str, Any] = {"case_id": case_id, "due_at": to_iso(due),
                                         "note": "回电告知处理结果", "status": status}
            events.extend(self.events("callback", cb_id, cb_fields, created))
            if status == "done":
                events.extend(self.events("callback", cb_id, {"done_at": to_iso(due)}, due))
        span = max((self.now - created).total_seconds(), 60.0)
        for _ in range(notes_wanted):
            dt = created + timedelta(seconds=r.uniform(0, min(span, 5 * 86_400)))
            iso, hlc = self.at(dt)
            notes.append({"id": new_id(), "case_id": case_id, "body": self.note_text(),
                          "created_at": iso, "hlc": hlc, "device": self.device,
                          "author": agent})
        for step in STEPS[: r.randint(1, 5)]:
            iso, hlc = self.at(created + timedelta(minutes=r.uniform(0, 20)))
            ticks.append({"id": new_id(), "case_id": case_id, "step": step, "done": 1,
                          "at": iso, "source": "manual", "evidence": "", "hlc": hlc,
                          "device": self.device})
        if closed and r.random() < 0.4:
            iso, hlc = self.at(worked)
            body = r.choice(UPDATE_ZH) if r.random() < 0.75 else r.choice(UPDATE_EN)
            updates.append({"id": new_id(), "case_id": case_id, "at": iso, "channel": "sms",
                            "body": body, "hlc": hlc, "device": self.device})


def _notes_per_case(r: random.Random, cases: int, notes: int) -> Iterator[int]:
    """``cases`` counts (0..~15, mean notes/cases) adding up to exactly ``notes``."""
    left = notes
    for i in range(cases):
        remaining_cases = cases - i
        mean = left / remaining_cases
        n = 0 if remaining_cases == 1 else min(left, max(0, round(r.expovariate(1 / mean))
                                                          if mean > 0 else 0))
        if remaining_cases == 1:
            n = left
        left -= n
        yield n


def _write_batch(conn: Any, events: list[FieldEvent], notes: list[dict[str, Any]],
                 ticks: list[dict[str, Any]], updates: list[dict[str, Any]]) -> None:
    """Runs on the database thread: one transaction, through the app's own write functions."""
    with transaction(conn):
        apply_field_events(conn, events)
        append_rows(conn, "notes", notes)
        append_rows(conn, "checklist", ticks)
        append_rows(conn, "updates", updates)


def generate(path: Path, cases: int, notes: int, seed: int = SEED,
             progress: bool = True) -> dict[str, Any]:
    """Write a fresh database at ``path``; returns the manifest (with timings)."""
    if path.parent.exists():
        shutil.rmtree(path.parent)
    path.parent.mkdir(parents=True)
    t0 = time.perf_counter()
    fingerprint = storage_fingerprint()  # of the code as it was when the writing began
    store = Store(path)
    gen = _Gen(seed, store.device, datetime.now(timezone.utc).replace(microsecond=0))
    counts = iter(_notes_per_case(random.Random(seed + 1), cases, notes))
    # Oldest first, as on a real desk: row order follows time (FTS rowids, b-tree locality).
    # More recent cases than old ones over two years.
    ages_rng = random.Random(seed + 2)
    ages = iter(sorted((ages_rng.random() ** 1.3 * 730 for _ in range(cases)), reverse=True))
    made = {"cases": 0, "customers": 0, "events": 0, "notes": 0, "checklist": 0, "updates": 0}
    pending: Future[None] | None = None
    try:
        done = 0
        while done < cases:
            n = min(BATCH_CASES, cases - done)
            events: list[FieldEvent] = []
            note_rows: list[dict[str, Any]] = []
            ticks: list[dict[str, Any]] = []
            updates: list[dict[str, Any]] = []
            before = len(gen.customers)
            for _ in range(n):  # made here while the database thread writes the last batch
                gen.case(next(ages), events, note_rows, ticks, updates, next(counts))
            if pending is not None:
                pending.result()
            pending = store.submit(_write_batch, events, note_rows, ticks, updates)
            done += n
            made["cases"] += n
            made["customers"] += len(gen.customers) - before
            made["events"] += len(events)
            made["notes"] += len(note_rows)
            made["checklist"] += len(ticks)
            made["updates"] += len(updates)
            if progress:
                elapsed = time.perf_counter() - t0
                print(f"\r  generating: {done:>7}/{cases} cases, {made['notes']:>7} notes, "
                      f"{elapsed:5.0f} s", end="", flush=True, file=sys.stderr)
        if pending is not None:
            pending.result()
    finally:
        store.close()
    if progress:
        print(file=sys.stderr)
    phones = [d for _, d in gen.customers[:: max(1, len(gen.customers) // 50)]]
    want = Manifest(GENERATOR_VERSION, SCHEMA_VERSION, fingerprint, cases, notes, seed)
    manifest = {**want.__dict__,
                "made": made, "seconds": round(time.perf_counter() - t0, 1),
                "sample_phones": phones, "rare_term": RARE_TERM,
                "generated_at": to_iso(gen.now)}
    (path.parent / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1),
                                               encoding="utf-8")
    return manifest


def big_database(cases: int = 100_000, notes: int = 500_000, regenerate: bool = False,
                 folder: Path | None = None) -> BigDatabase:
    """The cached database (generating it first when needed)."""
    folder = folder or OUT / f"big-{cases}-{notes}"
    path = folder / DB_NAME
    want = Manifest(GENERATOR_VERSION, SCHEMA_VERSION, storage_fingerprint(), cases, notes,
                    SEED).__dict__
    manifest_path = folder / "manifest.json"
    if not regenerate and path.exists() and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if all(manifest.get(k) == v for k, v in want.items()):
            return BigDatabase(path, manifest)
    print(f"Generating {cases} cases and {notes} notes in {path} (cached for later runs)",
          file=sys.stderr)
    manifest = generate(path, cases, notes)
    print(f"  done in {manifest['seconds']:.0f} s: {size(path.stat().st_size)}", file=sys.stderr)
    return BigDatabase(path, manifest)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--notes", type=int, default=500_000)
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args(argv)
    big = big_database(args.cases, args.notes, args.regenerate)
    print(json.dumps({k: v for k, v in big.manifest.items() if k != "sample_phones"},
                     ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
