"""Applies the second readers' corrections (rules-J-verify.md, rules-J2-verify.md) to rules-J1,
rules-J2 and xj-rules; writes rules-J-merged.yaml (national) and xj-merged.yaml (新疆)."""
import yaml, datetime
D = datetime.date
SR1 = " | Second reader (rules-J-verify.md): "
SR2 = " | Second reader (rules-J2-verify.md): "
def ver(e, date):
    for v in e.get('versions') or []:
        if str(v.get('date')) == date: return v
    raise KeyError((e['name'], date))
def note(e, sr, text): e['source'] = str(e['source']) + sr + text

national = []
for e in yaml.safe_load(open('rules-J1.yaml')):
    n = e['name']
    if n == '通航建筑物运行管理办法':
        v = ver(e, '2026-01-14'); v.update(order='交通运输部令2026年第1号', meeting=D(2026,1,9), effective=D(2026,1,14))
        note(e, SR1, "order 交通运输部令2026年第1号, meeting 2026-01-09, signed 2026-01-14 (law-library page quoting mot.gov.cn).")
    if n == '道路运输从业人员管理规定':
        ver(e, '2026-02-06').update(order='交通运输部令2026年第2号', effective=D(2026,3,20))
        note(e, SR1, "order 交通运输部令2026年第2号, in force 2026-03-20 (news pages: '交通运输部修订了…等5个部门规章', 3月20日起实施); the text now says '年龄不超过63周岁'.")
    if n in ('道路危险货物运输管理规定', '机动车驾驶员培训管理规定', '放射性物品道路运输管理规定', '道路货物运输及站场管理规定'):
        note(e, SR1, "the 2026-02-06 amendment is one of the 5 road-transport rules 交通运输部 amended that day (news pages; in force 2026-03-20).")
    if n == '港口和船舶岸电管理办法':
        ver(e, '2025-05-13')['order'] = '交通运输部令2025年第2号'; note(e, SR1, "order 交通运输部令2025年第2号.")
    if n == '煤矿安全规程':
        ver(e, '2025-07-24').update(kind='制定', effective=D(2026,2,1))
        e['versions'] = [{'date': D(2016,2,25), 'kind': '修订', 'order': '国家安全生产监督管理总局令第87号'},
                         {'date': D(2022,1,6), 'kind': '修正', 'order': '应急管理部令第8号'}] + e['versions']
        note(e, SR1, "art. 776 of the 2025 text: '本规程自２０２６年２月１日起施行…原国家安全生产监督管理总局２０１６年２月２５日修订公布的«煤矿安全规程»(国家安全生产监督管理总局令第８７号),应急管理部２０２２年１月６日公布的«应急管理部关于修改‹煤矿安全规程›的决定»(应急管理部令第８号)同时废止' — the 2016 and 2022 versions added; the 2025 text replaced them (kind 制定).")
    if n == '自然资源行政复议行政应诉规定':
        note(e, SR1, "the mnr.gov.cn list dates a December-2024 rule 2024-12-13 (令第15号), probably this one; the moj header says 2024-12-09 — date unsure by four days.")
    if n == '矿山地质环境保护规定':
        e.pop('versions')  # its history line gives meeting dates; the registry has the 公布 dates
    if n in ('建设用地审查报批管理办法', '矿山地质环境保护规定'):
        note(e, SR1, "the 第七批 decision's date 2026-01-01 is its file header's; the repeal stands.")
    national.append(e)
for e in yaml.safe_load(open('rules-J2.yaml')):
    n = e['name']
    if n in ('卫生行政执法文书规范', '社会消防技术服务管理规定', '关于犯罪分子和违法人员十指指纹管理工作的若干规定', '公安机关指纹信息工作规定'):
        continue  # not repealed but made a 规范性文件 / registry already fuller / issued by notice
    if n == '兽药质量监督抽样规定':
        ver(e, '2007-11-08')['kind'] = '修订'
    if n == '保健食品注册管理办法（试行）':
        e['repealed']['by'] = '保健食品注册与备案管理办法'
    if n == '灾害事故医疗救援工作管理办法':
        e['repealed']['by'] = '国家卫生健康委关于修改和废止部分部门规章的决定'
    if n.startswith('华侨以及居住在香港、澳门、台湾地区的中国公民办理收养登记'):
        ver(e, '2025-09-02').update(order='民政部令第80号', meeting=D(2025,8,29))
        note(e, SR2, "order 民政部令第80号, meeting 2025-08-29 (pkulaw citation line).")
    national.append(e)
for e in national:
    e['source'] = str(e['source']) + ' [researched 2026-12-07, rules-J1/J2]'
    for v in e.get('versions') or []:
        assert v.get('date') and v.get('kind') in ('制定','修正','修订'), (e['name'], v)
yaml.safe_dump(national, open('rules-J-merged.yaml','w'), allow_unicode=True, sort_keys=False)

# 新疆 government rules: the short forms 新疆 catalogs write (自治区…), as the derived local
# legislation has them; none that another instrument already has.
taken = set(l.split('\t')[0] for l in open('registry-names.tsv'))
for l in open(__import__('os').environ.get('POWERLIST_SOURCE', '../../..') + '/catalogs/laws/local/新疆维吾尔自治区.yaml'):
    if l.startswith('- name:') or l.startswith('  aliases:'):
        for part in l.split('"')[1::2]: taken.add(part)
xj = []
for e in yaml.safe_load(open('xj-rules.yaml')):
    n = e['name']
    if n == '乌鲁木齐市人民政府关于修改和废止部分政府规章的决定':
        continue  # a decision whose rules are not named in the excerpt: nothing to judge by it
    if n == '新疆维吾尔自治区地名管理办法':
        ver(e, '2011-08-10')['effective'] = D(2011,10,1)
    p = '新疆维吾尔自治区'
    if n.startswith(p):
        rest = n[len(p):]
        al = ['自治区' + rest]
        if rest not in taken and '中华人民共和国' + rest not in taken and not rest.startswith('实施'):
            al.append(rest)
        e['aliases'] = [a for a in al if a not in taken]
    e['source'] = str(e['source']) + ' [researched 2026-12-07, xj-rules; a second reader re-read 17: 0 wrong]'
    xj.append(e)
yaml.safe_dump(xj, open('xj-merged.yaml','w'), allow_unicode=True, sort_keys=False)
print(len(national), len(xj))
