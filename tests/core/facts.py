"""Print facts of an AKN file as JSON: what the golden tests assert on."""
import json, re, sys
from lxml import etree
NS = {'a': 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'}
t = etree.parse(sys.argv[1])
def nums(xpath):
    return [e.findtext('a:num', namespaces=NS) for e in t.iterfind(xpath, NS)]
body_paras = [p.findtext('a:num', namespaces=NS) for p in t.iterfind('.//a:paragraph', NS)
              if re.fullmatch(r'para_\d+(_\d+)?', p.get('eId', ''))]
text = ' '.join(t.getroot().itertext())
print(json.dumps({
    'markers': [n.get('marker') for n in t.iterfind('.//a:authorialNote', NS)],
    'missing': [n.get('marker') for n in t.iterfind('.//a:authorialNote[@class="missing"]', NS)],
    'paras': body_paras,
    'chapters': nums('.//a:chapter'),
    'symbol': t.findtext('.//a:coverPage//a:docNumber', namespaces=NS),
    'distribution': t.findtext('.//a:coverPage//a:docStatus', namespaces=NS),
    'date': (t.find('.//a:coverPage//a:docDate', NS).get('date') if t.find('.//a:coverPage//a:docDate', NS) is not None else None),
    'type': t.getroot()[0].get('name'),
    'root': etree.QName(t.getroot()[0]).localname,
    'containers': len(t.findall('.//a:container', NS)),
    'formulas': len(t.findall('.//a:formula', NS)),
    'resolutions': [h.findtext('a:num', namespaces=NS) for h in t.iterfind('.//a:hcontainer[@name="resolution"]', NS)],
    'text': text,
    'paragraph_texts': [''.join(p.itertext()) for p in t.iterfind('.//a:paragraph/a:content/a:p', NS)],
}))
