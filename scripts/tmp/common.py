import json, collections
P='/work/wt/catalog-fix/assets/catalog/arrangements.json'
d=json.load(open(P), object_pairs_hook=collections.OrderedDict)
A={a['id']:a for a in d['arrangements']}
O=collections.OrderedDict
def L(en,fr): return O([('en',en),('fr',fr)])
def S(publisher,title,date,excerpt,url=None,via=None,desc=False,primary=False):
    s=O(); s['publisher']=publisher; s['title']=title
    if desc: s['titleIsDescription']=True
    s['date']=date
    if url: s['url']=url
    if via: s['via']=via
    if primary: s['primary']=True
    s['excerpt']=excerpt
    assert len(excerpt)<=500, (title,len(excerpt))
    return s
def step(status,date,source,by=None,note=None,scope=None,subject=None,dateOfReport=False):
    s=O(); s['status']=status; s['date']=date
    if dateOfReport: s['dateOfReport']=True
    if by: s['by']=by
    s['source']=source
    if scope: s['scope']=scope
    if subject: s['subject']=subject
    if note: s['note']=note
    return s

