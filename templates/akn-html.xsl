<?xml version="1.0" encoding="UTF-8"?>
<!-- akn-html.xsl — the HTML edition: one AKN document (templates/AKN.md) to
     one semantic HTML5 page.  XSLT 1.0, run by libxslt from src/html/html.c
     and, with a link map, from src/site/site.c.

     Parameters (all strings):
       slug     output base name; the canonical link is slug.html
       css      stylesheet href (default unpress.css, copied beside the page)
       linkmap  URI of the per-document link map built by the site step
                (<u:links> of <u:link href text target/> and
                 <u:cited eId from label/>); empty outside the site
       site     '1' adds the site navigation (index, search)

     Safety: the source text is never copied as markup.  Every element the
     stylesheet does not know falls through to its text; every href passes
     the scheme allowlist in the "safe-href" template. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    xmlns:u="https://unpress.example/ns"
    exclude-result-prefixes="a u">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="slug" select="'document'"/>
  <xsl:param name="css" select="'unpress.css'"/>
  <xsl:param name="linkmap" select="''"/>
  <xsl:param name="site" select="''"/>

  <!-- The link map (empty node-set when there is none: document('') is this
       stylesheet, which has no u:links root). -->
  <xsl:variable name="links" select="document($linkmap)/u:links"/>

  <xsl:variable name="root" select="/a:akomaNtoso/*[1]"/>
  <xsl:variable name="symbol" select="normalize-space($root/a:meta//a:FRBRWork/a:FRBRalias[@name='symbol']/@value)"/>
  <xsl:variable name="number" select="normalize-space($root/a:preface//a:docNumber)"/>
  <xsl:variable name="doctitle" select="normalize-space($root/a:preface//a:docTitle)"/>
  <xsl:variable name="date">
    <xsl:choose>
      <xsl:when test="$root/a:coverPage//a:docDate/@date">
        <xsl:value-of select="$root/a:coverPage//a:docDate/@date"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$root/a:meta//a:FRBRWork/a:FRBRdate/@date"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$doctitle != ''"><xsl:value-of select="$doctitle"/></xsl:when>
      <xsl:when test="$number != ''"><xsl:value-of select="$number"/></xsl:when>
      <xsl:when test="$symbol != ''"><xsl:value-of select="$symbol"/></xsl:when>
      <xsl:otherwise>Untitled document</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="label">
    <xsl:choose>
      <xsl:when test="$symbol != ''"><xsl:value-of select="$symbol"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$number"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- ============================================================ page -->
  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="en">
      <head>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>
          <xsl:if test="$label != '' and $label != $title">
            <xsl:value-of select="$label"/><xsl:text> — </xsl:text>
          </xsl:if>
          <xsl:value-of select="$title"/>
        </title>
        <meta name="description">
          <xsl:attribute name="content">
            <xsl:value-of select="$title"/>
            <xsl:if test="$label != '' and $label != $title">
              <xsl:text> (</xsl:text><xsl:value-of select="$label"/><xsl:text>)</xsl:text>
            </xsl:if>
            <xsl:if test="$date != ''">
              <xsl:text>, </xsl:text><xsl:value-of select="$date"/>
            </xsl:if>
          </xsl:attribute>
        </meta>
        <meta name="dcterms.title" content="{$title}"/>
        <xsl:if test="$symbol != ''">
          <meta name="dcterms.identifier" content="{$symbol}"/>
        </xsl:if>
        <xsl:if test="$date != ''">
          <meta name="dcterms.date" content="{$date}"/>
        </xsl:if>
        <meta name="dcterms.language" content="en"/>
        <meta name="dcterms.type" content="{$root/@name}"/>
        <link rel="canonical" href="{$slug}.html"/>
        <link rel="stylesheet" href="{$css}"/>
      </head>
      <body>
        <xsl:if test="$site = '1'">
          <nav class="site" aria-label="Site">
            <a href="index.html">All documents</a>
            <a href="search.html">Search</a>
          </nav>
        </xsl:if>
        <main>
          <xsl:apply-templates select="$root"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="a:doc | a:statement">
    <article class="akn-{local-name()} {@name}" itemscope="" itemtype="https://schema.org/CreativeWork">
      <meta itemprop="name" content="{$title}"/>
      <xsl:if test="$symbol != ''"><meta itemprop="identifier" content="{$symbol}"/></xsl:if>
      <xsl:if test="$date != ''"><meta itemprop="datePublished" content="{$date}"/></xsl:if>
      <meta itemprop="inLanguage" content="en"/>
      <xsl:apply-templates select="a:coverPage"/>
      <header class="preface">
        <xsl:if test="$number != ''">
          <p class="docnumber"><xsl:value-of select="$number"/></p>
        </xsl:if>
        <h1><xsl:value-of select="$title"/></h1>
        <xsl:for-each select="a:preface/a:p[@class='subtitle']">
          <p class="subtitle"><xsl:apply-templates/></p>
        </xsl:for-each>
      </header>
      <xsl:call-template name="contents"/>
      <xsl:apply-templates select="a:preamble"/>
      <xsl:apply-templates select="a:mainBody | a:body"/>
      <xsl:apply-templates select="a:conclusions"/>
      <xsl:call-template name="footnotes"/>
      <xsl:call-template name="cited-by-document"/>
    </article>
  </xsl:template>

  <!-- The meeting and date that close a resolution (AKN4UN conclusions). -->
  <xsl:template match="a:conclusions">
    <footer class="conclusions">
      <xsl:for-each select="a:p">
        <p class="{@class}"><xsl:apply-templates/></p>
      </xsl:for-each>
    </footer>
  </xsl:template>

  <!-- ============================================================ cover -->
  <xsl:template match="a:coverPage">
    <header class="cover">
      <xsl:apply-templates select="a:p" mode="cover"/>
    </header>
  </xsl:template>

  <xsl:template match="a:p" mode="cover">
    <p class="cover-{@class}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="a:docDate">
    <time datetime="{@date}"><xsl:apply-templates/></time>
  </xsl:template>

  <!-- ============================================================ contents -->
  <!-- The headed units a reader navigates by.  One walk down the tree
       (mode toc): a unit makes an entry holding its own units' entries,
       anything else is looked through, and paragraphs are never entered. -->
  <xsl:template name="contents">
    <xsl:variable name="entries">
      <xsl:apply-templates select="a:mainBody/* | a:body/*" mode="toc"/>
    </xsl:variable>
    <xsl:if test="string($entries) != ''">
      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">Contents</h2>
        <ol>
          <xsl:copy-of select="$entries"/>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template mode="toc" match="a:chapter[@eId] | a:section[@eId] | a:subsection[@eId] |
      a:hcontainer[@eId][@name='resolution' or @name='decision' or @name='annex']">
    <xsl:variable name="kids">
      <xsl:apply-templates select="*" mode="toc"/>
    </xsl:variable>
    <li>
      <a href="#{@eId}">
        <xsl:if test="a:num">
          <span class="num"><xsl:value-of select="normalize-space(a:num)"/></span>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:value-of select="normalize-space(a:heading)"/>
      </a>
      <xsl:if test="string($kids) != ''">
        <ol><xsl:copy-of select="$kids"/></ol>
      </xsl:if>
    </li>
  </xsl:template>
  <xsl:template mode="toc" match="a:paragraph | a:point | a:num | a:heading | a:intro | a:crossHeading |
      a:formula | a:container | a:authorialNote"/>
  <xsl:template mode="toc" match="*"><xsl:apply-templates select="*" mode="toc"/></xsl:template>

  <!-- ============================================================ body -->
  <xsl:template match="a:preamble">
    <div class="preamble"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="a:mainBody | a:body">
    <div class="body"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="a:formula">
    <div class="formula" id="{@eId}"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- A preambular clause: its opening phrase is the first <i>. -->
  <xsl:template match="a:container">
    <div class="clause" id="{@eId}">
      <xsl:call-template name="self-link"/>
      <xsl:apply-templates/>
      <xsl:call-template name="cited-by"/>
    </div>
  </xsl:template>

  <!-- Heading level: the page title is h1, a top-level unit h2, then one
       deeper per enclosing unit, never beyond h6. -->
  <xsl:template name="level">
    <xsl:variable name="depth" select="count(ancestor::*[self::a:chapter or self::a:section or self::a:subsection or self::a:hcontainer])"/>
    <xsl:choose>
      <xsl:when test="$depth &gt; 3">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$depth + 2"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="a:chapter | a:section | a:subsection | a:hcontainer | a:part | a:title | a:article">
    <xsl:variable name="level"><xsl:call-template name="level"/></xsl:variable>
    <section class="{local-name()} {@name}">
      <xsl:if test="@eId"><xsl:attribute name="id"><xsl:value-of select="@eId"/></xsl:attribute></xsl:if>
      <xsl:if test="a:num or a:heading">
        <xsl:element name="h{$level}">
          <xsl:if test="a:num">
            <span class="num"><xsl:apply-templates select="a:num/node()"/></span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:apply-templates select="a:heading/node()"/>
          <xsl:if test="@eId">
            <xsl:text> </xsl:text>
            <a class="self" href="#{@eId}" aria-label="Link to this part">#</a>
          </xsl:if>
        </xsl:element>
      </xsl:if>
      <xsl:call-template name="cited-by"/>
      <xsl:apply-templates select="*[not(self::a:num or self::a:heading)]"/>
    </section>
  </xsl:template>

  <!-- An unnumbered heading between paragraphs or points (also a
       <p class="crossHeading">: see the a:p template). -->
  <xsl:template match="a:crossHeading" name="crossheading">
    <xsl:variable name="level">
      <xsl:variable name="depth" select="count(ancestor::*[self::a:chapter or self::a:section or self::a:subsection or self::a:hcontainer])"/>
      <xsl:choose>
        <xsl:when test="$depth &gt; 3">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$depth + 3"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class">crossheading</xsl:attribute>
      <xsl:if test="@eId"><xsl:attribute name="id"><xsl:value-of select="@eId"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="@eId">
        <xsl:text> </xsl:text>
        <a class="self" href="#{@eId}" aria-label="Link to this heading">#</a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- Numbered (and unnumbered) paragraphs and lettered points: the number
       hangs in the margin, the self-link shows on hover. -->
  <xsl:template match="a:paragraph | a:point | a:subparagraph | a:item">
    <div class="{local-name()}">
      <xsl:if test="@class"><xsl:attribute name="class"><xsl:value-of select="concat(local-name(), ' ', @class)"/></xsl:attribute></xsl:if>
      <xsl:if test="@eId"><xsl:attribute name="id"><xsl:value-of select="@eId"/></xsl:attribute></xsl:if>
      <xsl:if test="a:num">
        <span class="num"><xsl:apply-templates select="a:num/node()"/></span>
      </xsl:if>
      <xsl:call-template name="self-link"/>
      <div class="text">
        <xsl:apply-templates select="*[not(self::a:num)]"/>
      </div>
      <xsl:call-template name="cited-by"/>
    </div>
  </xsl:template>

  <xsl:template name="self-link">
    <xsl:if test="@eId">
      <a class="self" href="#{@eId}">
        <xsl:attribute name="aria-label">
          <xsl:text>Link to </xsl:text>
          <xsl:choose>
            <xsl:when test="a:num"><xsl:value-of select="concat(local-name(), ' ', normalize-space(a:num))"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
        <xsl:text>¶</xsl:text>
      </a>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:content | a:intro | a:wrapUp | a:list | a:blockList">
    <xsl:apply-templates/>
  </xsl:template>


  <xsl:template match="a:embeddedStructure">
    <div class="embedded {@class}">
      <xsl:if test="@eId"><xsl:attribute name="id"><xsl:value-of select="@eId"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- One template for every <p>, choosing inside: libxslt evaluates a
       match pattern with a predicate (a:p[…]) by counting the node's
       siblings, which made a body of many loose <p> quadratic (minutes for
       30,000; tests/robust/t_scaling.sh). -->
  <xsl:template match="a:p">
    <xsl:choose>
      <!-- A <p> that carries an embedded resolution holds blocks, which
           HTML does not allow in <p>. -->
      <xsl:when test="a:embeddedStructure">
        <xsl:apply-templates/>
      </xsl:when>
      <xsl:when test="@class='crossHeading'">
        <xsl:call-template name="crossheading"/>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:if test="@class"><xsl:attribute name="class"><xsl:value-of select="@class"/></xsl:attribute></xsl:if>
          <xsl:if test="@eId"><xsl:attribute name="id"><xsl:value-of select="@eId"/></xsl:attribute></xsl:if>
          <xsl:apply-templates/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ inline -->
  <xsl:template match="a:i"><i><xsl:apply-templates/></i></xsl:template>
  <xsl:template match="a:b"><b><xsl:apply-templates/></b></xsl:template>
  <xsl:template match="a:u"><u><xsl:apply-templates/></u></xsl:template>
  <xsl:template match="a:sup"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="a:sub"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="a:br"><br/></xsl:template>
  <xsl:template match="a:inline | a:docNumber | a:docStatus | a:docProponent | a:session | a:docTitle | a:span">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A reference: resolved in-corpus through the link map when the site
       holds its target, else its own href if the scheme is safe, else
       plain text. -->
  <xsl:template match="a:ref">
    <xsl:variable name="text" select="normalize-space(.)"/>
    <xsl:variable name="local" select="$links/u:link[@href = current()/@href and @text = $text][1]/@target"/>
    <xsl:variable name="href">
      <xsl:choose>
        <xsl:when test="$local"><xsl:value-of select="$local"/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="safe-href"><xsl:with-param name="href" select="@href"/></xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href != ''">
        <a href="{$href}">
          <xsl:if test="$local"><xsl:attribute name="class">xref</xsl:attribute></xsl:if>
          <xsl:apply-templates/>
        </a>
      </xsl:when>
      <xsl:otherwise><span class="ref"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Scheme allowlist: http, https, mailto, a fragment, or a relative
       reference without any scheme.  Anything else (javascript:, data:,
       vbscript:, obfuscated with case or whitespace) yields ''. -->
  <xsl:template name="safe-href">
    <xsl:param name="href"/>
    <xsl:variable name="h" select="normalize-space($href)"/>
    <xsl:variable name="lower" select="translate($h, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:variable name="scheme" select="substring-before($lower, ':')"/>
    <xsl:choose>
      <xsl:when test="$h = ''"/>
      <xsl:when test="contains($h, ' ')"/>
      <!-- an Akoma Ntoso IRI (a named resolution with no public address):
           only the site can resolve it, to a page of the corpus -->
      <xsl:when test="starts-with($h, '/akn/')"/>
      <xsl:when test="starts-with($lower, 'https://') or starts-with($lower, 'http://') or starts-with($lower, 'mailto:')">
        <xsl:value-of select="$h"/>
      </xsl:when>
      <xsl:when test="starts-with($h, '#')"><xsl:value-of select="$h"/></xsl:when>
      <xsl:when test="not(contains($lower, ':'))"><xsl:value-of select="$h"/></xsl:when>
      <!-- a colon after the first slash, ? or # is not a scheme -->
      <xsl:when test="contains($scheme, '/') or contains($scheme, '?') or contains($scheme, '#')">
        <xsl:value-of select="$h"/>
      </xsl:when>
      <xsl:otherwise/>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ footnotes -->
  <!-- At the reference point: a superscript marker linking to the note. -->
  <xsl:template match="a:authorialNote">
    <sup class="fnref">
      <a href="#{@eId}" id="fnref_{@eId}" role="doc-noteref">
        <xsl:attribute name="aria-label">Note <xsl:value-of select="@marker"/></xsl:attribute>
        <xsl:value-of select="@marker"/>
      </a>
    </sup>
  </xsl:template>

  <!-- At the end of the document: every note, linking back to its marker. -->
  <xsl:template name="footnotes">
    <xsl:variable name="notes" select=".//a:authorialNote[@eId]"/>
    <xsl:if test="$notes">
      <section class="footnotes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ul>
          <xsl:for-each select="$notes">
            <li id="{@eId}">
              <xsl:if test="@class"><xsl:attribute name="class"><xsl:value-of select="@class"/></xsl:attribute></xsl:if>
              <a class="backref" href="#fnref_{@eId}" role="doc-backlink">
                <xsl:attribute name="aria-label">Back to the reference of note <xsl:value-of select="@marker"/></xsl:attribute>
                <xsl:value-of select="@marker"/>
              </a>
              <xsl:text> </xsl:text>
              <div class="note">
                <xsl:choose>
                  <xsl:when test="@class = 'missing' or normalize-space(.) = ''">
                    <p class="missing">The text of this note is missing from the source.</p>
                  </xsl:when>
                  <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
                </xsl:choose>
              </div>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ backlinks -->
  <xsl:template name="cited-by">
    <xsl:variable name="from" select="$links/u:cited[@eId = current()/@eId]"/>
    <xsl:if test="@eId and $from">
      <aside class="citedby" aria-label="Cited by">
        <span class="label">Cited by </span>
        <xsl:for-each select="$from">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <a href="{@from}"><xsl:value-of select="@label"/></a>
        </xsl:for-each>
      </aside>
    </xsl:if>
  </xsl:template>

  <xsl:template name="cited-by-document">
    <xsl:if test="$links/u:cited">
      <section class="citedby-doc" aria-labelledby="citedby-heading">
        <h2 id="citedby-heading">Cited by</h2>
        <ul>
          <xsl:for-each select="$links/u:cited">
            <li><a href="{@from}"><xsl:value-of select="@label"/></a>
              <xsl:if test="@eId != ''">
                <xsl:text> (</xsl:text><a href="#{@eId}">cited <xsl:value-of select="@eId"/></a><xsl:text>)</xsl:text>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Anything else: its text, never its markup. -->
  <xsl:template match="a:meta | a:num | a:heading"/>
  <xsl:template match="a:preface"/>
  <xsl:template match="*"><xsl:apply-templates/></xsl:template>
</xsl:stylesheet>
