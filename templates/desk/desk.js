// The review desk's pages: one script, no library, no network beyond this desk. Every value
// from a workbook or a person is put into the page as text (textContent), never as markup.
"use strict";

const desk = { csrf: "", user: null, accounts: false, timer: null, current: -1 };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function say(text, isError) {
  const s = document.getElementById("status");
  s.textContent = text;
  s.className = isError ? "error" : "";
}

async function api(method, path, body) {
  const opts = { method, headers: {}, credentials: "same-origin" };
  if (method !== "GET") opts.headers["X-CSRF-Token"] = desk.csrf;
  if (body instanceof FormData) opts.body = body;
  else if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const res = await fetch(path, opts);
  const type = res.headers.get("Content-Type") || "";
  const data = type.startsWith("application/json") ? await res.json() : null;
  if (!res.ok) throw new Error((data && data.error) || ("HTTP " + res.status));
  return data;
}

async function loadSession() {
  const s = await api("GET", "/api/session");
  desk.csrf = s.csrf;
  desk.user = s.user;
  desk.accounts = s.accounts;
  const who = document.getElementById("who");
  who.textContent = s.user ? `${s.user.name}（${s.user.role === "office" ? "审核机关" : s.user.department}）`
                           : (s.accounts ? "未登录" : "本机审核");
}

const stateNames = { checking: "检查中…", failed: "无法读取" };
function stateText(s) { return stateNames[s] || s; }

function setView(name) {
  for (const a of document.querySelectorAll("nav a"))
    a.classList.toggle("active", a.dataset.view === name);
}

// A view's page, unless the reader has gone elsewhere meanwhile (`hash`: where the view
// began; an answer arriving late must not replace the page now shown).
function main(hash, ...children) {
  if (hash !== location.hash) return null;
  const m = document.getElementById("main");
  m.replaceChildren(...children);
  return m;
}

// 收件: drop workbooks, see them checked.
async function showInbox() {
  const hash = location.hash;
  setView("inbox");
  const input = el("input", { type: "file", id: "file-input", multiple: true,
                              accept: ".xls,.xlsx,.et,.csv,.zip", "aria-label": "选择工作簿" });
  const dept = el("input", { type: "text", id: "department", placeholder: "部门（可不填，由工作簿推断）",
                             size: 32, "aria-label": "部门" });
  const drop = el("div", { id: "drop" }, el("p", {}, "把部门报送的权责清单工作簿（.xls .xlsx .et .csv）拖到这里，可一次多个；整个文件夹请先压缩为 .zip"),
                  el("label", {}, "或选择文件：", input));
  const list = el("div", { id: "submissions" });
  main(hash, el("h2", {}, "收件"), drop,
       desk.user && desk.user.role === "department" ? null : el("div", { class: "toolbar" }, dept),
       list);
  const send = files => upload(files, dept.value.trim());
  input.addEventListener("change", () => send(input.files));
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", e => { e.preventDefault(); drop.classList.remove("over"); send(e.dataTransfer.files); });
  await refreshInbox();
}

function upload(files, department) {
  if (!files || !files.length) return;
  const form = new FormData();
  for (const f of files) form.append("file", f, f.name);
  if (department) form.append("department", department);
  const xhr = new XMLHttpRequest();
  xhr.open("POST", "/api/submissions");
  xhr.setRequestHeader("X-CSRF-Token", desk.csrf);
  xhr.upload.onprogress = e => { if (e.lengthComputable) say(`上传中 ${Math.round(100 * e.loaded / e.total)}%`); };
  xhr.onload = () => {
    if (xhr.status === 202) { say(`已收件 ${files.length} 个文件，正在检查…`); refreshInbox(); }
    else { let m = "上传失败"; try { m = JSON.parse(xhr.responseText).error; } catch (e) { /* not JSON */ } say(m, true); }
  };
  xhr.onerror = () => say("上传失败：连接中断", true);
  xhr.send(form);
}

async function refreshInbox() {
  const box = document.getElementById("submissions");
  if (!box) return;
  const { submissions } = await api("GET", "/api/submissions");
  const rows = submissions.slice().reverse().map(s => el("tr", { "data-id": s.id },
    el("td", {}, String(s.id)), el("td", {}, s.department || "（待定）"),
    el("td", {}, s.file), el("td", { class: "state" }, stateText(s.state), s.error ? el("div", { class: "error" }, s.error) : null),
    el("td", {}, String(s.items)), el("td", {}, `${s.findings}（已决定 ${s.decided}）`),
    el("td", {}, s.revision_of ? `修改稿，答复 #${s.revision_of}` : ""),
    el("td", {}, localTime(s.received)),
    el("td", {}, s.state === "checking" || s.state === "failed" ? "" : el("a", { href: `#review/${s.id}`, class: "button" }, "审核"))));
  box.replaceChildren(el("table", {}, el("thead", {}, el("tr", {},
    ...["编号", "部门", "文件", "状态", "事项", "审核意见", "", "收件时间", ""].map(h => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows)));
  clearTimeout(desk.timer);
  if (submissions.some(s => s.state === "checking")) desk.timer = setTimeout(refreshInbox, 1000);
}

// 审核: one submission's findings by item, each confirmed or dismissed.
async function showReview(id) {
  const hash = location.hash;
  setView("review");
  if (!id) {
    const { submissions } = await api("GET", "/api/submissions");
    const open = submissions.filter(s => s.state === "审核中" || s.state === "已修改");
    main(hash, el("h2", {}, "待审核"), open.length ? el("ul", {}, open.map(s => el("li", {},
      el("a", { href: `#review/${s.id}` }, `#${s.id} ${s.department} ${s.file}`)))) : el("p", {}, "没有待审核的收件。"));
    return;
  }
  const s = await api("GET", `/api/submissions/${id}`);
  const { findings } = await api("GET", `/api/submissions/${id}/findings`);
  const office = !desk.user || desk.user.role === "office";
  const rules = [...new Set(findings.map(f => f.rule))].sort();
  const filters = {
    rule: el("select", { id: "f-rule", "aria-label": "规则" }, el("option", { value: "" }, "全部规则"), rules.map(r => el("option", { value: r }, r))),
    severity: el("select", { id: "f-severity", "aria-label": "级别" }, el("option", { value: "" }, "全部级别"),
      el("option", { value: "error" }, "错误"), el("option", { value: "warning" }, "警告"), el("option", { value: "note" }, "提示")),
    decided: el("select", { id: "f-decided", "aria-label": "决定" }, el("option", { value: "" }, "全部"),
      el("option", { value: "none" }, "未决定"), el("option", { value: "confirmed" }, "已确认"), el("option", { value: "dismissed" }, "不采纳")),
  };
  const table = el("table", { id: "findings" });
  const actions = el("div", { class: "toolbar" },
    office ? el("button", { id: "return", onclick: () => setState(id, "已退回") }, "退回修改") : null,
    office ? el("button", { id: "approve", class: "primary", onclick: () => setState(id, "已通过") }, "审核通过") : null,
    el("a", { class: "button", id: "annotated", href: `/api/submissions/${id}/annotated.xlsx` }, "下载标注后的工作簿"),
    el("a", { class: "button", id: "letter", href: `/api/submissions/${id}/letter.pdf` }, "审核意见书（PDF）"),
    s.revision_of ? el("button", { id: "show-diff", onclick: () => showDiff(id) }, `与上一稿 #${s.revision_of} 比较`) : null);
  main(hash, el("h2", {}, `#${s.id} ${s.department} — ${s.file}`),
       el("p", { class: "muted" }, `状态：${stateText(s.state)}；${s.items} 项；审核意见 ${s.findings} 条，已决定 ${s.decided} 条，待部门修改 ${s.open} 条`),
       actions, el("div", { id: "diff" }),
       el("div", { class: "toolbar" }, "筛选：", filters.rule, filters.severity, filters.decided,
          el("span", { class: "hint" }, "键盘：j / k 上下，c 确认，d 不采纳（写理由后回车）")),
       table);
  const render = () => renderFindings(table, findings, filters, office);
  for (const f of Object.values(filters)) f.addEventListener("change", render);
  render();
}

function findingLocation(f) {
  if (f.sheet) return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
  return `${f.file}:${f.line}`;
}

function renderFindings(table, findings, filters, office) {
  const shown = findings.filter(f => (!filters.rule.value || f.rule === filters.rule.value)
    && (!filters.severity.value || f.severity === filters.severity.value)
    && (!filters.decided.value || (filters.decided.value === "none" ? !f.decision : f.decision && f.decision.verdict === filters.decided.value)));
  const body = el("tbody");
  let lastItem = null;
  for (const f of shown) {
    const item = f.item_name || "（不属于某一事项）";
    if (item !== lastItem) {
      body.appendChild(el("tr", { class: "item" }, el("th", { colspan: 5, scope: "rowgroup" }, item)));
      lastItem = item;
    }
    body.appendChild(findingRow(f, office));
  }
  table.replaceChildren(el("thead", {}, el("tr", {}, ...["位置", "级别", "审核意见", "现行法条与修改建议", "决定"].map(h => el("th", { scope: "col" }, h)))), body);
  desk.current = -1;
}

// The API's times are UTC (…Z); the reader sees the browser's own clock.
function localTime(iso) {
  const t = new Date(iso);
  if (isNaN(t)) return iso || "";
  const two = n => String(n).padStart(2, "0");
  return `${t.getFullYear()}-${two(t.getMonth() + 1)}-${two(t.getDate())} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

const severityNames = { error: "错误", warning: "警告", note: "提示" };

function findingRow(f, office) {
  const fix = f.fix;
  const law = fix ? el("div", {},
    el("div", {}, `建议：《${fix.law}》${fix.version ? `（${fix.version}）` : ""}${(fix.articles || []).join("、")}${fix.certain ? "" : "（需核对）"}`),
    fix.text ? el("div", { class: "law" }, fix.text) : null) : null;
  // Without a corrected text: what the cell cites, as in force (the desk's `law show`).
  const inForce = (f.in_force || []).map(t => el("div", { class: "in-force" },
    el("div", {}, `现行《${t.law}》（${t.version}）${t.article}`), el("div", { class: "law" }, t.text)));
  const reason = el("input", { type: "text", placeholder: "不采纳的理由", "aria-label": "不采纳的理由", maxlength: 1000 });
  const state = el("div", { class: "verdict" });
  const row = el("tr", { class: "finding", "data-id": f.id, tabindex: 0 },
    el("td", {}, findingLocation(f)),
    el("td", { class: "sev-" + f.severity }, severityNames[f.severity] || f.severity),
    el("td", {}, el("div", {}, f.message), (f.notes || []).map(n => el("div", { class: "muted" }, n)),
       f.suppressed ? el("div", { class: "muted" }, `部门在目录中注明不适用：${f.suppressed.reason || "（未写理由）"}`) : null,
       el("div", { class: "hint" }, f.rule)),
    el("td", {}, law, inForce, !law && !inForce.length ? el("span", { class: "muted" }, "—") : null),
    el("td", { class: "decision" }, state,
       office ? el("div", {}, el("button", { class: "confirm", onclick: () => decide(f, "confirmed", "", row) }, "确认"), " ",
                   el("button", { class: "dismiss", onclick: () => decide(f, "dismissed", reason.value, row) }, "不采纳"), reason) : null));
  reason.addEventListener("keydown", e => { if (e.key === "Enter") decide(f, "dismissed", reason.value, row); });
  showDecision(f, row);
  return row;
}

function showDecision(f, row) {
  const box = row.querySelector(".verdict");
  row.classList.remove("confirmed", "dismissed");
  if (!f.decision) { box.textContent = "未决定"; return; }
  row.classList.add(f.decision.verdict);
  box.textContent = (f.decision.verdict === "confirmed" ? "已确认" : "不采纳：" + f.decision.reason)
    + (f.decision.carried ? "（沿用上一稿的决定）" : "") + ` — ${f.decision.by} ${localTime(f.decision.at)}`;
}

async function decide(f, verdict, reason, row) {
  try {
    const r = await api("POST", `/api/findings/${f.id}/decision`, { verdict, reason });
    f.decision = r.decision;
    showDecision(f, row);
    say(verdict === "confirmed" ? "已确认" : "已记录不采纳");
  } catch (e) { say(e.message, true); }
}

async function setState(id, state) {
  try {
    await api("POST", `/api/submissions/${id}/state`, { state });
    say(state === "已退回" ? "已退回：请把标注后的工作簿和审核意见书发给部门" : "已审核通过");
    await route();
  } catch (e) { say(e.message, true); }
}

async function showDiff(id) {
  const box = document.getElementById("diff");
  box.replaceChildren(el("p", {}, "正在比较…"));
  try {
    const d = await api("GET", `/api/submissions/${id}/diff`);
    const part = (title, list) => list && list.length ? el("div", {}, el("h3", {}, `${title}（${list.length}）`),
      el("ul", {}, list.map(i => el("li", {}, i.name, (i.changes || []).map(c => el("div", { class: "hint" },
        `${c.label || c.field}：${c.old || c.old_value || "（无）"} → ${c.new || c.new_value || "（无）"}`)))))) : null;
    box.replaceChildren(el("h2", {}, "与上一稿相比"), part("新增", d.added), part("取消", d.retired),
      part("擅自删除", d.removed_silently), part("变更", d.changed) || el("p", {}, "没有其他变更。"));
  } catch (e) { box.replaceChildren(el("p", { class: "error" }, e.message)); }
}

// 总览: every department's latest submission.
async function showOverview() {
  const hash = location.hash;
  setView("overview");
  const o = await api("GET", "/api/overview");
  const rows = o.departments.map(d => el("tr", {},
    el("td", {}, d.department || "（待定）"),
    el("td", {}, el("a", { href: `#review/${d.latest.id}` }, `#${d.latest.id} ${d.latest.file}`)),
    el("td", { class: "state" }, d.latest.state === "checking" ? "已收件" : stateText(d.latest.state)),
    el("td", {}, String(d.latest.open)), el("td", {}, String(d.revisions)),
    el("td", {}, d.days_since_returned === null ? "" : `${d.days_since_returned} 个工作日`),
    el("td", {}, d.revision_due || "")));
  main(hash, el("h2", {}, `总览（${o.today}）`), chart(o.departments),
       el("table", { id: "overview" }, el("thead", {}, el("tr", {}, ...["部门", "最新收件", "状态", "待修改意见", "报送次数", "退回已过", "修改期限（20 个工作日）"].map(h => el("th", { scope: "col" }, h)))),
          el("tbody", {}, rows)));
}

function chart(departments) {
  const ns = "http://www.w3.org/2000/svg";
  const max = Math.max(1, ...departments.map(d => d.latest.open));
  const h = 24 * departments.length + 10;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 720 ${h}`);
  svg.setAttribute("width", "720");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "各部门待修改的审核意见");
  departments.forEach((d, i) => {
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", "0"); label.setAttribute("y", String(24 * i + 20));
    label.setAttribute("class", "bar-label");
    label.textContent = (d.department || "（待定）").slice(0, 16);
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("x", "260"); bar.setAttribute("y", String(24 * i + 8));
    bar.setAttribute("height", "16"); bar.setAttribute("class", "bar");
    bar.setAttribute("width", String(Math.max(1, 400 * d.latest.open / max)));
    const n = document.createElementNS(ns, "text");
    n.setAttribute("x", String(266 + 400 * d.latest.open / max)); n.setAttribute("y", String(24 * i + 20));
    n.setAttribute("class", "bar-label"); n.textContent = String(d.latest.open);
    svg.append(label, bar, n);
  });
  return svg;
}

// 发布: the approved submissions become the public catalog.
async function showPublish() {
  const hash = location.hash;
  setView("publish");
  const { submissions } = await api("GET", "/api/submissions");
  const approved = new Map();
  for (const s of submissions) if (s.state === "已通过") approved.set(s.department, s);
  const result = el("div", { id: "publish-result" });
  main(hash, el("h2", {}, "发布"),
       el("p", {}, `已通过审核的部门：${approved.size} 个。发布时每个部门取其最新一份已通过的收件，生成公开的职权目录网站。`),
       el("ul", {}, [...approved.values()].map(s => el("li", {}, `${s.department}：#${s.id} ${s.file}（${s.items} 项）`))),
       el("button", { id: "publish", class: "primary", disabled: approved.size === 0, onclick: async () => {
         result.replaceChildren(el("p", {}, "正在生成…"));
         try {
           const r = await api("POST", "/api/publish");
           result.replaceChildren(el("p", {}, `已发布 ${r.items} 项：`, el("a", { href: r.site, id: "site-link" }, "打开公开目录")));
         } catch (e) { result.replaceChildren(el("p", { class: "error" }, e.message)); }
       } }, "发布公开目录"), result);
}

function showLogin() {
  const hash = location.hash;
  const user = el("input", { id: "login-user", autocomplete: "username", "aria-label": "用户名" });
  const pass = el("input", { id: "login-password", type: "password", autocomplete: "current-password", "aria-label": "密码" });
  const form = el("form", {}, el("p", {}, el("label", {}, "用户名 ", user)), el("p", {}, el("label", {}, "密码 ", pass)),
                  el("button", { class: "primary", type: "submit" }, "登录"));
  form.addEventListener("submit", async e => {
    e.preventDefault();
    try { await api("POST", "/api/login", { user: user.value, password: pass.value }); await loadSession(); route(); }
    catch (err) { say(err.message, true); }
  });
  main(hash, el("h2", {}, "登录"), form);
}

async function route() {
  clearTimeout(desk.timer);
  if (desk.accounts && !desk.user) return showLogin();
  const [view, arg] = (location.hash.slice(1) || "inbox").split("/");
  try {
    if (view === "review") await showReview(arg);
    else if (view === "overview") await showOverview();
    else if (view === "publish") await showPublish();
    else await showInbox();
  } catch (e) { say(e.message, true); }
}

// j/k move between findings, c confirms, d goes to the reason box.
document.addEventListener("keydown", e => {
  if (e.target.tagName === "INPUT" || e.target.tagName === "SELECT") return;
  const rows = [...document.querySelectorAll("tr.finding")];
  if (!rows.length) return;
  if (e.key === "j" || e.key === "k") {
    desk.current = Math.max(0, Math.min(rows.length - 1, desk.current + (e.key === "j" ? 1 : -1)));
    rows.forEach((r, i) => r.classList.toggle("current", i === desk.current));
    rows[desk.current].focus();
  } else if (desk.current >= 0 && e.key === "c") {
    rows[desk.current].querySelector("button.confirm").click();
  } else if (desk.current >= 0 && e.key === "d") {
    e.preventDefault();
    rows[desk.current].querySelector("input").focus();
  }
});

window.addEventListener("hashchange", route);
loadSession().then(route).catch(e => say(e.message, true));
