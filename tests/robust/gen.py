# gen.py KIND N — a synthetic extracted text of size proportional to N, for
# the scaling tests (generated at test time; never committed):
#   notes  N paragraphs, each with a footnote reference and its definition
#   pages  N page breaks (form feed + footer) splitting paragraphs
#   paras  N numbered paragraphs with symbols, a chapter every 50
#   loose  N AKN paragraphs each followed by a loose <p> (an XML file)
#   deep   N items in N nested lists on one line
#   dupnum N chapters, sections and paragraphs that all repeat one number
#   links1 N symbols (links) in one paragraph
#   notes1 N footnote references in one paragraph, then their definitions
#   pieces N pieces of one paragraph, each resuming in lower case
#   line   one line of N words
#   notesrep N footnote references and definitions whose markers repeat (1-50)
import sys
kind, n = sys.argv[1], int(sys.argv[2])
out = []
if kind == 'notes':
    out.append('Report of the Working Group\n')
    for i in range(1, n + 1):
        out.append(f'{i}. The Working Group considered item {i}.<sup>{i}</sup> It noted the progress made.\n')
        out.append(f'<sup>{i}</sup> See document CTOC/COP/2022/{i}, para. {i}.\n')
elif kind == 'pages':
    out.append('Report of the Working Group\n')
    for i in range(1, n + 1):
        out.append(f'{i}. The Working Group considered item {i} and noted the progress\n')
        out.append(f'V.22-25156 {i}/{n}\n\x0c')
        out.append('made by States parties in the implementation of the Convention.\n')
elif kind == 'paras':
    out.append('Report of the Working Group\n')
    for i in range(1, n + 1):
        out.append(f'{i}. The Working Group considered item {i} (see A/RES/76/{i % 300}) and noted the progress made by States parties.\n')
        if i % 50 == 0:
            out.append(f'{"IVX"[i // 50 % 3]}. Chapter heading {i}\n')
elif kind == 'loose':
    body = ''.join(f'<paragraph eId="para_{i}"><num>{i}.</num><content><p>Text {i}</p></content>'
                   f'</paragraph><p>Loose {i}</p>' for i in range(1, n + 1))
    out.append('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
               f'<doc name="report"><meta/><mainBody>{body}</mainBody></doc></akomaNtoso>')
elif kind == 'dupnum':
    for i in range(1, n + 1):
        out.append(f'I. Chapter {i}\n\nA. Section {i}\n\n1. Paragraph {i} of the chapter.\n')
elif kind == 'deep':
    out.append('- ' * n + 'the deepest item')
elif kind == 'links1':
    out.append('Report of the Working Group\n')
    out.append('1. ' + ' '.join(f'See A/RES/{i}/1.' for i in range(1, n + 1)))
elif kind == 'notes1':
    out.append('Report of the Working Group\n')
    out.append('1. ' + ' '.join(f'Item {i}.[^{i}]' for i in range(1, n + 1)) + '\n')
    out.extend(f'[^{i}]: Note {i}.\n' for i in range(1, n + 1))
elif kind == 'pieces':
    out.append('Report of the Working Group\n')
    out.append('The start of a paragraph\n')
    out.extend(f'and piece number {i} of it\n' for i in range(1, n + 1))
elif kind == 'notesrep':
    out.append('Report of the Working Group\n')
    for i in range(1, n + 1):
        m = i % 50 + 1
        out.append(f'{i}. The Working Group considered item {i}.<sup>{m}</sup>\n')
        out.append(f'<sup>{m}</sup> See document CTOC/COP/2022/{i}.\n')
elif kind == 'line':
    out.append(' '.join(f'word{i % 1000}' for i in range(n)))
sys.stdout.write('\n'.join(out) + '\n')
