"""Applies the second reader's corrections (rules-H-verify.md) to rules-H1/H2 and drops
versions without a sourced promulgation date; writes rules-H-merged.yaml."""
import yaml, datetime
SR = " | Second reader (rules-H-verify.md): "
h1 = yaml.safe_load(open('rules-H1.yaml'))
h2 = yaml.safe_load(open('rules-H2.yaml'))
out = []
def ver(e, date):
    for v in e.get('versions') or []:
        if str(v.get('date')) == date: return v
    raise KeyError((e['name'], date))
for e in h1 + h2:
    n = e['name']
    if n == '侵害消费者权益行为处罚办法':
        continue  # rules.yaml has the 2020-10-23 version already (as 修订): nothing new
    note = []
    if n == '船舶载运危险货物安全监督管理规定':
        ver(e, '2024-12-31')['kind'] = '制定'; note.append("the 2024 text repealed the 2018 text of the same name ('同时废止'): kind 制定")
    if n == '中华人民共和国引航员管理办法':
        v = ver(e, '2024-12-31'); v['kind'] = '制定'; v['order'] = '交通运输部令2024年第13号'
        note.append("the 2024 text repealed 交通部令2008年第2号 (as amended by 交通运输部令2013年第20号), i.e. this entry's 2008/2013 rule: kind 制定, order 交通运输部令2024年第13号 from a page reprinting the decree")
    if n == '烟草专卖行政处罚程序规定':
        ver(e, '2010-01-21')['kind'] = '制定'; note.append("2010 text repealed the 1998 text of the same name: kind 制定")
    if n == '审计署关于内部审计工作的规定':
        ver(e, '2018-01-12')['kind'] = '制定'; note.append("2018 text repealed the 2003 text: kind 制定")
    if n == '民用爆炸物品生产许可实施办法':
        ver(e, '2018-11-09')['kind'] = '制定'; note.append("2018 text repealed the 2006 text: kind 制定")
    if n == '粮食质量安全监管办法':
        e['versions'] = [v for v in e['versions'] if v.get('date')]
        e['versions'].append({'date': datetime.date(2023,7,28), 'effective': datetime.date(2023,10,1), 'kind': '制定', 'order': '国家发展改革委令2023年第4号'})
        note.append("2023 rule dated by its decree ('主 任 郑栅洁 2023年7月28日'), effective 2023-10-01, 国家发展改革委令2023年第4号; it replaced the earlier rule of the same name: kind 制定")
    if n == '建设项目使用林地审核审批管理办法':
        for v in e['versions']:
            if v.get('kind') == '修改': v['kind'] = '修正'
    if n == '涉外调查管理办法':
        e['versions'][0]['order'] = '国家统计局令第7号'; note.append("order 国家统计局令第7号")
    vs = e.get('versions') or []
    dropped = [v for v in vs if not v.get('date')]
    if dropped:
        e['versions'] = [v for v in vs if v.get('date')]
        if not e['versions']: e.pop('versions')
        note.append(f"{len(dropped)} version(s) without a sourced promulgation date left out")
    for v in e.get('versions') or []:
        assert v.get('kind') in ('制定','修正','修订'), (n, v)
    if note:
        e['source'] = str(e['source']) + SR + '; '.join(note) + '.'
    e['source'] = str(e['source']) + ' [researched 2026-12-07, rules-H1/H2]'
    out.append(e)
# The 2008 rule under the title its repeal clause uses (catalogs cite it so, too).
out.append({'name': '中华人民共和国引航员注册和任职资格管理办法', 'level': '部门规章', 'issuer': '交通部（现交通运输部）',
  'versions': [{'date': datetime.date(2008,2,13), 'kind': '制定', 'order': '交通部令2008年第2号'}],
  'repealed': {'date': datetime.date(2025,3,1), 'by': '中华人民共和国引航员管理办法'},
  'source': "Second reader (rules-H-verify.md): the repeal clause of the 2024 《中华人民共和国引航员管理办法》 (交通运输部令2024年第13号, in force 2025-03-01) names '2008年2月13日以交通部令2008年第2号发布的《中华人民共和国引航员注册和任职资格管理办法》' (amended by 交通运输部令2013年第20号) as repealed; ministry compilations print the same rule under the short title. [researched 2026-12-07, rules-H1/H2]"})
yaml.safe_dump(out, open('rules-H-merged.yaml','w'), allow_unicode=True, sort_keys=False)
print(len(out))
