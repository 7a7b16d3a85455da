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
       lang     the document's language, a BCP 47 tag (src/util/lang.c: its
                FRBRlanguage, else read from its text); the page's lang and
                the words the page adds (templates/strings.xml) follow it
       dir      ltr | rtl, the language's direction
       verbose  '1': name every element the stylesheet does not know
                (xsl:message; src/html/xslt.c turns them into notes)
       parts    '1': the document is read part by part (src/html/walk.h):
                the transform runs over its front (meta, cover, preface)
                and the x: elements walk the rest; the page is the same

     What it reads: our own XML (templates/AKN.md) and the UN's AKN4UN
     (coverPage with docAuthority, docNumber, docStatus, docDate, session,
     agenda inlines, docTitle, docProponent; preface; preamble; paragraphs
     with headings; span class="italic|bold"; a href; tables; attachments;
     documentCollection components).  In the site, the link map also names
     the document's other language versions (u:alternate).

     Safety: the source text is never copied as markup.  Every element the
     stylesheet does not know falls through to its text; every href passes
     the scheme allowlist in the "safe-href" template. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:a="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
    xmlns:u="https://unpress.example/ns"
    xmlns:x="https://unpress.example/ns/flush"
    extension-element-prefixes="x"
    exclude-result-prefixes="a u">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="slug" select="'document'"/>
  <xsl:param name="css" select="'unpress.css'"/>
  <xsl:param name="linkmap" select="''"/>
  <xsl:param name="site" select="''"/>
  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="dir" select="'ltr'"/>
  <xsl:param name="verbose" select="''"/>
  <xsl:param name="parts" select="''"/>

  <!-- The words a page adds, in the page's language (English when the
       language has none). -->
  <!-- strings: the words of templates/strings.xml in the page's language,
       as src/html/xslt.c packs them ("\nID\tTEXT" each, then "\n"). -->
  <xsl:param name="strings" select="''"/>
  <xsl:template name="t">
    <xsl:param name="id"/>
    <xsl:value-of select="substring-before(substring-after($strings, concat('&#10;', $id, '&#9;')), '&#10;')"/>
  </xsl:template>
  <!-- the words every paragraph or note asks for, looked up once (as
       strings: a reference to $strings copies all of it) -->
  <xsl:variable name="t-link-to" select="substring-before(substring-after($strings, '&#10;link-to&#9;'), '&#10;')"/>
  <xsl:variable name="t-note" select="substring-before(substring-after($strings, '&#10;note&#9;'), '&#10;')"/>
  <xsl:variable name="t-back-to-note" select="substring-before(substring-after($strings, '&#10;back-to-note&#9;'), '&#10;')"/>
  <xsl:variable name="t-cited-by" select="substring-before(substring-after($strings, '&#10;cited-by&#9;'), '&#10;')"/>
  <xsl:variable name="t-link-part" select="substring-before(substring-after($strings, '&#10;link-part&#9;'), '&#10;')"/>
  <xsl:variable name="t-link-heading" select="substring-before(substring-after($strings, '&#10;link-heading&#9;'), '&#10;')"/>
  <xsl:variable name="el-names" select="concat(
      '&#10;paragraph&#9;', substring-before(substring-after($strings, '&#10;el-paragraph&#9;'), '&#10;'),
      '&#10;subparagraph&#9;', substring-before(substring-after($strings, '&#10;el-subparagraph&#9;'), '&#10;'),
      '&#10;point&#9;', substring-before(substring-after($strings, '&#10;el-point&#9;'), '&#10;'),
      '&#10;item&#9;', substring-before(substring-after($strings, '&#10;el-item&#9;'), '&#10;'),
      '&#10;container&#9;', substring-before(substring-after($strings, '&#10;el-container&#9;'), '&#10;'), '&#10;')"/>

  <!-- The link map (empty node-set when there is none: document('') is this
       stylesheet, which has no u:links root). -->
  <xsl:variable name="links" select="document($linkmap)/u:links"/>

  <xsl:variable name="root" select="/a:akomaNtoso/*[1]"/>
  <!-- the symbol: our FRBRalias, else (AKN4UN) the cover's docNumber -->
  <xsl:variable name="alias" select="normalize-space($root/a:meta//a:FRBRWork/a:FRBRalias[@name='symbol']/@value)"/>
  <xsl:variable name="symbol">
    <xsl:choose>
      <xsl:when test="$alias != ''"><xsl:value-of select="$alias"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space($root/a:coverPage//a:docNumber)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="number" select="normalize-space($root/a:preface//a:docNumber)"/>
  <xsl:variable name="doctitle" select="normalize-space($root/a:preface//a:docTitle)"/>
  <xsl:variable name="date">
    <xsl:choose>
      <xsl:when test="$root/a:coverPage//a:docDate/@date">
        <xsl:value-of select="$root/a:coverPage//a:docDate/@date"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- 1970-01-01: the date unpress writes where AKN needs one and
             the source gave none (src/akn/ns.h AKN_DATE_UNKNOWN) -->
        <xsl:value-of select="$root/a:meta//a:FRBRWork/a:FRBRdate/@date[. != '1970-01-01']"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <xsl:variable name="title">
    <xsl:choose>
      <xsl:when test="$doctitle != ''"><xsl:value-of select="$doctitle"/></xsl:when>
      <xsl:when test="$number != ''"><xsl:value-of select="$number"/></xsl:when>
      <xsl:when test="$symbol != ''"><xsl:value-of select="$symbol"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="id" select="'untitled'"/></xsl:call-template></xsl:otherwise>
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
    <html lang="{$lang}" dir="{$dir}">
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
        <meta name="dcterms.language" content="{$lang}"/>
        <meta name="dcterms.type" content="{$root/@name}"/>
        <link rel="canonical" href="{$slug}.html"/>
        <!-- the same document in the other languages (and this one) -->
        <xsl:for-each select="$links/u:alternate">
          <link rel="alternate" hreflang="{@lang}" href="{@href}"/>
        </xsl:for-each>
        <link rel="stylesheet" href="{$css}"/>
      </head>
      <body>
        <xsl:if test="$site = '1'">
          <nav class="site">
            <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="id" select="'site'"/></xsl:call-template></xsl:attribute>
            <a href="index.html">
              <xsl:if test="$links/@index"><xsl:attribute name="href"><xsl:value-of select="$links/@index"/></xsl:attribute></xsl:if>
              <xsl:call-template name="t"><xsl:with-param name="id" select="'all-documents'"/></xsl:call-template>
            </a>
            <a href="search.html">
              <xsl:if test="$links/@search"><xsl:attribute name="href"><xsl:value-of select="$links/@search"/></xsl:attribute></xsl:if>
              <xsl:call-template name="t"><xsl:with-param name="id" select="'search'"/></xsl:call-template>
            </a>
            <xsl:call-template name="language-switch"/>
          </nav>
        </xsl:if>
        <main>
          <xsl:apply-templates select="$root"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- The other language versions of this document, each named in its own
       language; this one marked as the current page. -->
  <xsl:template name="language-switch">
    <xsl:if test="count($links/u:alternate) &gt; 1">
      <ul class="languages">
        <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="id" select="'languages'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$links/u:alternate">
          <xsl:variable name="code" select="@lang"/>
          <xsl:variable name="name"><xsl:call-template name="t"><xsl:with-param name="id" select="concat('name-', $code)"/></xsl:call-template></xsl:variable>
          <li>
            <a href="{@href}" hreflang="{@lang}" lang="{@lang}">
              <xsl:if test="@current"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:choose>
                <xsl:when test="$name != ''"><xsl:value-of select="$name"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@lang"/></xsl:otherwise>
              </xsl:choose>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <!-- The id an element with an eId gets: its eId, prefixed inside a
       documentCollection's component by the component's (the UN numbers
       each component's paragraphs and notes from 1 again). -->
  <xsl:variable name="components" select="boolean(/a:akomaNtoso/a:components)"/>
  <xsl:template name="id">
    <xsl:value-of select="concat(substring(concat(ancestor::a:component[@eId][1]/@eId, '__'), 1, 999 * boolean(ancestor::a:component[@eId])), @eId)"/>
  </xsl:template>
  <xsl:template name="id-attribute">
    <xsl:if test="@eId">
      <xsl:attribute name="id">
        <xsl:choose>
          <xsl:when test="$components"><xsl:value-of select="concat(substring(concat(ancestor::a:component[@eId][1]/@eId, '__'), 1, 999 * boolean(ancestor::a:component[@eId])), @eId)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="@eId"/></xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:doc | a:statement | a:documentCollection">
    <article class="akn-{local-name()} {@name}" itemscope="" itemtype="https://schema.org/CreativeWork">
      <meta itemprop="name" content="{$title}"/>
      <xsl:if test="$symbol != ''"><meta itemprop="identifier" content="{$symbol}"/></xsl:if>
      <xsl:if test="$date != ''"><meta itemprop="datePublished" content="{$date}"/></xsl:if>
      <meta itemprop="inLanguage" content="{$lang}"/>
      <xsl:apply-templates select="a:coverPage"/>
      <header class="preface">
        <xsl:if test="$number != ''">
          <p class="docnumber"><xsl:value-of select="$number"/></p>
        </xsl:if>
        <h1><xsl:value-of select="$title"/></h1>
        <xsl:apply-templates select="a:preface/a:p" mode="preface"/>
      </header>
      <xsl:choose>
        <xsl:when test="$parts = '1'">
          <!-- the rest of the document walked (src/html/walk.c): the
               parts below, in this order, written aside while the
               contents' entries and the notes are gathered -->
          <x:walk/>
          <xsl:if test="x:has-contents()"><xsl:call-template name="contents-list"/></xsl:if>
          <x:walked/>
          <xsl:if test="x:has-notes()"><xsl:call-template name="footnotes-list"/></xsl:if>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="contents"/>
          <xsl:apply-templates select="a:preamble"/>
          <xsl:apply-templates select="a:mainBody | a:body | a:collectionBody"/>
          <xsl:apply-templates select="a:conclusions"/>
          <xsl:apply-templates select="a:attachments"/>
          <xsl:apply-templates select="/a:akomaNtoso/a:components"/>
          <xsl:call-template name="footnotes"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="cited-by-document"/>
    </article>
  </xsl:template>

  <!-- The preface's other lines (the number and title are the header's). -->
  <xsl:template match="a:p" mode="preface">
    <xsl:choose>
      <xsl:when test="@class = 'subtitle'"><p class="subtitle"><xsl:apply-templates/></p></xsl:when>
      <xsl:when test=".//a:docNumber or .//a:docTitle"/>
      <xsl:when test="normalize-space(.) = ''"/>
      <xsl:otherwise><p class="preface-line"><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The meeting and date that close a resolution (AKN4UN conclusions:
       ours as p class="meeting|date", the UN's as one p holding an event
       of a location, eol and docDate). -->
  <xsl:template match="a:conclusions">
    <footer class="conclusions">
      <xsl:for-each select="a:p">
        <p>
          <xsl:if test="@class"><xsl:attribute name="class"><xsl:value-of select="@class"/></xsl:attribute></xsl:if>
          <xsl:apply-templates/>
        </p>
      </xsl:for-each>
    </footer>
  </xsl:template>

  <!-- ============================================================ parts -->
  <!-- Annexes as attachments (AKN4UN), and the resolutions a
       documentCollection holds as components: each a section with its
       own preface, preamble, body and conclusions (its notes are listed
       with the document's). -->
  <xsl:template match="a:attachments | a:components">
    <xsl:apply-templates select="a:attachment | a:component"/>
  </xsl:template>

  <!-- (part by part, x:part reads each document of the attachment up to
       its preface, makes its heading with the part-head mode, then walks
       its preamble, body, conclusions and attachments as they are read) -->
  <xsl:template match="a:attachment | a:component">
    <section class="{local-name()}">
      <xsl:call-template name="id-attribute"/>
      <xsl:choose>
        <xsl:when test="$parts = '1'"><x:part/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="*" mode="part"/></xsl:otherwise>
      </xsl:choose>
    </section>
    <x:flush/>
  </xsl:template>

  <xsl:template match="a:doc | a:statement" mode="part">
    <xsl:call-template name="part-head"/>
    <xsl:apply-templates select="a:preamble | a:mainBody | a:body | a:conclusions | a:attachments"/>
  </xsl:template>
  <xsl:template match="*" mode="part-head">
    <xsl:call-template name="part-head"/>
  </xsl:template>
  <xsl:template name="part-head">
    <xsl:variable name="number" select="normalize-space(a:preface//a:docNumber)"/>
    <xsl:variable name="title" select="normalize-space(a:preface//a:docTitle)"/>
    <xsl:variable name="level"><xsl:call-template name="level"/></xsl:variable>
    <xsl:apply-templates select="a:coverPage"/>
    <xsl:if test="$number != '' or $title != ''">
      <xsl:element name="h{$level - 1}">
        <xsl:attribute name="class">part-title</xsl:attribute>
        <xsl:if test="$number != ''"><span class="num"><xsl:value-of select="$number"/></span><xsl:text> </xsl:text></xsl:if>
        <xsl:value-of select="$title"/>
      </xsl:element>
    </xsl:if>
    <xsl:apply-templates select="a:preface/a:p" mode="preface"/>
  </xsl:template>
  <xsl:template match="*" mode="part"><xsl:apply-templates select="."/></xsl:template>

  <!-- A documentCollection's list of its components. -->
  <xsl:template match="a:collectionBody">
    <nav class="components">
      <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="id" select="'components'"/></xsl:call-template></xsl:attribute>
      <ul>
        <xsl:for-each select="a:component">
          <li><xsl:apply-templates/></li>
        </xsl:for-each>
      </ul>
    </nav>
  </xsl:template>
  <xsl:template match="a:documentRef">
    <xsl:variable name="target" select="/a:akomaNtoso/a:components/a:component[@eId = current()/@href]"/>
    <xsl:choose>
      <xsl:when test="$target"><a href="#{@href}"><xsl:value-of select="@showAs"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="@showAs"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ cover -->
  <xsl:template match="a:coverPage">
    <header class="cover">
      <xsl:apply-templates select="a:p" mode="cover"/>
    </header>
  </xsl:template>

  <!-- One cover line.  Ours say what they are in @class; the UN's say it by
       what they hold (its classes are print positions: upperLeft, …): the
       symbol, the issuing organization (the first docAuthority) and body
       (a later one), distribution, date, session, agenda item and its
       title, the title line ("Resolution adopted by …") and the
       proponent ("[on the report of the Third Committee (…)]").  Each
       becomes the same cover-* line our own cover has. -->
  <xsl:template match="a:p" mode="cover">
    <xsl:variable name="role">
      <xsl:choose>
        <xsl:when test="@class = 'organization' or @class = 'symbol' or @class = 'distribution' or
                        @class = 'date' or @class = 'language' or @class = 'body' or @class = 'meeting' or
                        @class = 'session' or @class = 'place' or @class = 'agenda' or @class = 'agendaTitle'">
          <xsl:value-of select="@class"/>
        </xsl:when>
        <xsl:when test=".//a:docNumber">symbol</xsl:when>
        <xsl:when test=".//a:docAuthority and not(preceding-sibling::a:p[.//a:docAuthority])">organization</xsl:when>
        <xsl:when test=".//a:docAuthority">body</xsl:when>
        <xsl:when test=".//a:docStatus">distribution</xsl:when>
        <xsl:when test=".//a:docDate">date</xsl:when>
        <xsl:when test=".//a:session">session</xsl:when>
        <xsl:when test=".//a:inline[@name = 'agenda item']">agenda</xsl:when>
        <xsl:when test=".//a:inline[@name = 'agenda item name']">agendaTitle</xsl:when>
        <xsl:when test=".//a:docTitle">title</xsl:when>
        <xsl:when test=".//a:docProponent">proponent</xsl:when>
        <xsl:when test="@class"><xsl:value-of select="@class"/></xsl:when>
        <xsl:otherwise>line</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="normalize-space(.) != ''">
      <p class="cover-{$role}"><xsl:apply-templates/></p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="a:docDate">
    <time datetime="{@date}"><xsl:apply-templates/></time>
  </xsl:template>

  <!-- ============================================================ contents -->
  <!-- The headed units a reader navigates by.  One walk down the tree
       (mode toc): a unit makes an entry holding its own units' entries,
       anything else is looked through, and paragraphs are never entered
       (a paragraph that is only a heading, as the UN marks its chapter
       headings, is an entry of its own). -->
  <xsl:template name="contents">
    <xsl:variable name="entries">
      <xsl:apply-templates select="a:mainBody/* | a:body/* | a:attachments/a:attachment[@eId][*/a:preface//a:docNumber or */a:preface//a:docTitle]" mode="toc"/>
    </xsl:variable>
    <xsl:if test="string($entries) != ''">
      <xsl:call-template name="contents-list"><xsl:with-param name="entries" select="$entries"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <!-- (part by part, the entries are the walk's: x:contents) -->
  <xsl:template name="contents-list">
    <xsl:param name="entries"/>
    <nav class="toc" aria-labelledby="toc-heading">
      <h2 id="toc-heading"><xsl:call-template name="t"><xsl:with-param name="id" select="'contents'"/></xsl:call-template></h2>
      <ol>
        <xsl:choose>
          <xsl:when test="$parts = '1'"><x:contents/></xsl:when>
          <xsl:otherwise><xsl:copy-of select="$entries"/></xsl:otherwise>
        </xsl:choose>
      </ol>
    </nav>
  </xsl:template>

  <xsl:template mode="toc" match="a:chapter[@eId] | a:section[@eId] | a:subsection[@eId] |
      a:hcontainer[@eId][@name='resolution' or @name='decision' or @name='annex']">
    <xsl:variable name="kids">
      <xsl:apply-templates select="*" mode="toc"/>
    </xsl:variable>
    <li>
      <xsl:call-template name="toc-link"/>
      <xsl:if test="string($kids) != ''">
        <ol><xsl:copy-of select="$kids"/></ol>
      </xsl:if>
    </li>
  </xsl:template>
  <!-- part by part (x:unit): the link of a unit's entry, made from its
       heading before its parts are read; the entry is put together in
       the walk -->
  <xsl:template mode="toc-head" match="a:chapter[@eId] | a:section[@eId] | a:subsection[@eId] |
      a:hcontainer[@eId][@name='resolution' or @name='decision' or @name='annex']">
    <xsl:call-template name="toc-link"/>
  </xsl:template>
  <xsl:template mode="toc-head" match="*"/>
  <xsl:template name="toc-link">
    <a href="#{@eId}">
      <xsl:if test="a:num">
        <span class="num"><xsl:value-of select="normalize-space(a:num)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:call-template name="toc-text">
        <xsl:with-param name="of" select="a:heading[1]"/>
      </xsl:call-template>
    </a>
  </xsl:template>
  <!-- an entry's words: its heading's, without the text of a footnote
       cited in it (its marker is in the heading, not in the list) -->
  <xsl:template name="toc-text">
    <xsl:param name="of"/>
    <xsl:variable name="words">
      <xsl:for-each select="$of//text()[not(ancestor::a:authorialNote)]"><xsl:value-of select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="normalize-space($words)"/>
  </xsl:template>
  <!-- an annex (attachment): its number and title, its own units -->
  <xsl:template mode="toc" match="a:attachment">
    <xsl:variable name="kids">
      <xsl:apply-templates select="*/a:mainBody/*" mode="toc"/>
    </xsl:variable>
    <li>
      <xsl:call-template name="toc-annex-link"/>
      <xsl:if test="string($kids) != ''">
        <ol><xsl:copy-of select="$kids"/></ol>
      </xsl:if>
    </li>
  </xsl:template>
  <!-- part by part (x:part): the link of a listed annex's entry, from
       its preface -->
  <xsl:template mode="toc-head" match="a:attachment[@eId][*/a:preface//a:docNumber or */a:preface//a:docTitle]">
    <xsl:call-template name="toc-annex-link"/>
  </xsl:template>
  <xsl:template name="toc-annex-link">
    <a href="#{@eId}">
      <xsl:if test="*/a:preface//a:docNumber">
        <span class="num"><xsl:value-of select="normalize-space(*/a:preface//a:docNumber)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:call-template name="toc-text">
        <xsl:with-param name="of" select="(*/a:preface//a:docTitle)[1]"/>
      </xsl:call-template>
    </a>
  </xsl:template>
  <xsl:template mode="toc" match="a:paragraph">
    <xsl:if test="@eId and a:heading and count(*) = count(a:num | a:heading | a:subheading)">
      <li>
        <a href="#{@eId}">
          <xsl:if test="a:num">
            <span class="num"><xsl:value-of select="normalize-space(a:num)"/></span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:value-of select="normalize-space(a:heading)"/>
        </a>
      </li>
    </xsl:if>
  </xsl:template>
  <xsl:template mode="toc" match="a:point | a:num | a:heading | a:intro | a:crossHeading |
      a:formula | a:container | a:authorialNote"/>
  <xsl:template mode="toc" match="*"><xsl:apply-templates select="*" mode="toc"/></xsl:template>

  <!-- ============================================================ body -->
  <!-- (part by part, x:children applies the templates of the children
       one at a time, as they are read) -->
  <xsl:template match="a:preamble">
    <div class="preamble">
      <xsl:choose>
        <xsl:when test="$parts = '1'"><x:children/></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template match="a:mainBody | a:body">
    <div class="body">
      <xsl:choose>
        <xsl:when test="$parts = '1'"><x:children/></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </div>
  </xsl:template>

  <xsl:template match="a:formula">
    <div class="formula">
      <xsl:call-template name="id-attribute"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- A preambular clause: its opening phrase is the first <i> (the UN's
       span class="italic", or class="bold" in Chinese).  A container that
       holds a table (AKN4UN: container name="table") is that table. -->
  <xsl:template match="a:container">
    <xsl:choose>
      <xsl:when test="a:table and not(a:p)">
        <div class="table-container">
          <xsl:call-template name="id-attribute"/>
          <xsl:apply-templates/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <div class="clause">
          <xsl:call-template name="id-attribute"/>
          <xsl:call-template name="self-link"/>
          <xsl:apply-templates/>
          <xsl:call-template name="cited-by"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
    <x:flush/>
  </xsl:template>

  <!-- Heading level: the page title is h1, a top-level unit h2, then one
       deeper per enclosing unit, never beyond h6. -->
  <xsl:template name="level">
    <xsl:variable name="depth" select="count(ancestor::*[self::a:chapter or self::a:section or self::a:subsection or self::a:hcontainer or self::a:attachment or self::a:component])"/>
    <xsl:choose>
      <xsl:when test="$depth &gt; 3">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$depth + 2"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- (part by part, x:unit reads the unit's number and heading, makes
       its heading with the unit-heading mode, then applies the templates
       of its other children one at a time, as they are read) -->
  <xsl:template match="a:chapter | a:section | a:subsection | a:hcontainer | a:part | a:title | a:article">
    <section class="{local-name()} {@name}">
      <xsl:call-template name="id-attribute"/>
      <xsl:choose>
        <xsl:when test="$parts = '1'"><x:unit/></xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="unit-heading"/>
          <xsl:apply-templates select="*[not(self::a:num or self::a:heading)]"/>
        </xsl:otherwise>
      </xsl:choose>
    </section>
    <x:flush/>
  </xsl:template>
  <xsl:template mode="unit-heading" match="*">
    <xsl:call-template name="unit-heading"/>
  </xsl:template>
  <xsl:template name="unit-heading">
    <xsl:variable name="level"><xsl:call-template name="level"/></xsl:variable>
    <xsl:if test="a:num or a:heading">
      <xsl:element name="h{$level}">
        <xsl:if test="a:num">
          <span class="num"><xsl:apply-templates select="a:num/node()"/></span>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:apply-templates select="a:heading/node()"/>
        <xsl:if test="@eId">
          <xsl:text> </xsl:text>
          <a class="self">
            <xsl:attribute name="href">#<xsl:call-template name="id"/></xsl:attribute>
            <xsl:attribute name="aria-label"><xsl:value-of select="$t-link-part"/></xsl:attribute>
            <xsl:text>#</xsl:text>
          </a>
        </xsl:if>
      </xsl:element>
    </xsl:if>
    <xsl:call-template name="cited-by"/>
  </xsl:template>

  <!-- An unnumbered heading between paragraphs or points (also a
       <p class="crossHeading">: see the a:p template). -->
  <xsl:template match="a:crossHeading" name="crossheading">
    <xsl:variable name="level">
      <xsl:variable name="depth" select="count(ancestor::*[self::a:chapter or self::a:section or self::a:subsection or self::a:hcontainer or self::a:attachment or self::a:component])"/>
      <xsl:choose>
        <xsl:when test="$depth &gt; 3">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$depth + 3"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class">crossheading</xsl:attribute>
      <xsl:call-template name="id-attribute"/>
      <xsl:apply-templates/>
      <xsl:if test="@eId">
        <xsl:text> </xsl:text>
        <a class="self">
          <xsl:attribute name="href">#<xsl:call-template name="id"/></xsl:attribute>
          <xsl:attribute name="aria-label"><xsl:value-of select="$t-link-heading"/></xsl:attribute>
          <xsl:text>#</xsl:text>
        </a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- Numbered (and unnumbered) paragraphs and lettered points: the number
       hangs in the margin, the self-link shows on hover.  A paragraph that
       is only a number and a heading (the UN's chapter and section
       headings: class HCh, H1, H23) is a heading. -->
  <xsl:template match="a:paragraph | a:point | a:subparagraph | a:item">
    <xsl:choose>
      <xsl:when test="(a:heading or a:subheading) and count(*) = count(a:num | a:heading | a:subheading)">
        <xsl:call-template name="heading-paragraph"/>
      </xsl:when>
      <xsl:otherwise>
        <div class="{local-name()}">
          <xsl:if test="@class"><xsl:attribute name="class"><xsl:value-of select="concat(local-name(), ' ', @class)"/></xsl:attribute></xsl:if>
          <xsl:call-template name="id-attribute"/>
          <xsl:if test="a:num">
            <span class="num"><xsl:apply-templates select="a:num/node()"/></span>
          </xsl:if>
          <xsl:call-template name="self-link"/>
          <div class="text">
            <xsl:apply-templates select="*[not(self::a:num)]"/>
          </div>
          <xsl:call-template name="cited-by"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
    <x:flush/>
  </xsl:template>

  <xsl:template name="heading-paragraph">
    <xsl:variable name="base"><xsl:call-template name="level"/></xsl:variable>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="a:heading"><xsl:value-of select="$base"/></xsl:when>
        <xsl:when test="$base &lt; 6"><xsl:value-of select="$base + 1"/></xsl:when>
        <xsl:otherwise>6</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:attribute name="class">heading <xsl:value-of select="@class"/></xsl:attribute>
      <xsl:call-template name="id-attribute"/>
      <xsl:if test="a:num">
        <span class="num"><xsl:apply-templates select="a:num/node()"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:for-each select="a:heading | a:subheading">
        <xsl:if test="position() &gt; 1"><br/></xsl:if>
        <xsl:apply-templates/>
      </xsl:for-each>
      <xsl:if test="@eId">
        <xsl:text> </xsl:text>
        <a class="self">
          <xsl:attribute name="href">#<xsl:call-template name="id"/></xsl:attribute>
          <xsl:attribute name="aria-label"><xsl:value-of select="$t-link-heading"/></xsl:attribute>
          <xsl:text>#</xsl:text>
        </a>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <!-- "Link to paragraph 9.": the element's name in the page's language
       (strings.xml's el-NAME; the name itself where there is none). -->
  <xsl:template name="self-link">
    <xsl:if test="@eId">
      <xsl:variable name="el" select="substring-before(substring-after($el-names, concat('&#10;', local-name(), '&#9;')), '&#10;')"/>
      <a class="self" href="#{@eId}">
        <xsl:if test="$components">
          <xsl:attribute name="href">#<xsl:value-of select="concat(substring(concat(ancestor::a:component[@eId][1]/@eId, '__'), 1, 999 * boolean(ancestor::a:component[@eId])), @eId)"/></xsl:attribute>
        </xsl:if>
        <xsl:attribute name="aria-label">
          <xsl:value-of select="concat($t-link-to, ' ', $el, substring(local-name(), 1, 99 * not($el)),
                                       substring(concat(' ', normalize-space(a:num)), 1, 9999 * boolean(a:num)))"/>
        </xsl:attribute>
        <xsl:text>¶</xsl:text>
      </a>
    </xsl:if>
  </xsl:template>

  <!-- A bulleted list (every item's number a bullet, as unpress writes
       them: num "•"): a list, as browsers and screen readers know one. -->
  <xsl:template match="a:blockList[a:item and not(a:item[not(a:num) or
      translate(normalize-space(a:num), '&#x2022;&#x25E6;&#x25AA;&#x25CF;&#x25CB;&#x25A0;&#x2013;-', '') != ''])]" priority="2">
    <xsl:apply-templates select="a:listIntroduction"/>
    <ul class="bullets">
      <xsl:for-each select="a:item">
        <li>
          <xsl:call-template name="id-attribute"/>
          <xsl:apply-templates select="*[not(self::a:num)]"/>
        </li>
        <x:flush/>
      </xsl:for-each>
    </ul>
    <xsl:apply-templates select="a:listWrapUp"/>
  </xsl:template>

  <!-- Transparent: their children carry the text. -->
  <xsl:template match="a:content | a:intro | a:wrapUp | a:list | a:blockList | a:sublist | a:blockContainer |
      a:event | a:location | a:componentRef">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="a:listIntroduction | a:listWrapUp">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A heading or subheading reached among a unit's other children (the
       units that show theirs as a heading leave them out). -->
  <xsl:template match="a:heading | a:subheading">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A number no template placed: its text. -->
  <xsl:template match="a:num"><span class="num"><xsl:apply-templates/></span><xsl:text> </xsl:text></xsl:template>

  <xsl:template match="a:embeddedStructure">
    <div class="embedded {@class}">
      <xsl:call-template name="id-attribute"/>
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
          <xsl:if test="@eId"><xsl:call-template name="id-attribute"/></xsl:if>
          <xsl:apply-templates/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
    <x:flush/>
  </xsl:template>

  <!-- ============================================================ tables -->
  <xsl:template match="a:table">
    <div class="table">
      <table>
        <xsl:call-template name="id-attribute"/>
        <xsl:apply-templates select="a:caption"/>
        <xsl:apply-templates select="a:tr"/>
      </table>
    </div>
  </xsl:template>
  <xsl:template match="a:caption"><caption><xsl:apply-templates/></caption></xsl:template>
  <xsl:template match="a:tr"><tr><xsl:apply-templates select="a:th | a:td"/></tr><x:flush/></xsl:template>
  <xsl:template match="a:th | a:td">
    <xsl:element name="{local-name()}">
      <xsl:if test="number(@colspan) &gt; 1 and number(@colspan) &lt; 1000"><xsl:attribute name="colspan"><xsl:value-of select="number(@colspan)"/></xsl:attribute></xsl:if>
      <xsl:if test="number(@rowspan) &gt; 1 and number(@rowspan) &lt; 1000"><xsl:attribute name="rowspan"><xsl:value-of select="number(@rowspan)"/></xsl:attribute></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ============================================================ inline -->
  <xsl:template match="a:i"><i><xsl:apply-templates/></i></xsl:template>
  <xsl:template match="a:b"><b><xsl:apply-templates/></b></xsl:template>
  <xsl:template match="a:u"><u><xsl:apply-templates/></u></xsl:template>
  <xsl:template match="a:sup"><sup><xsl:apply-templates/></sup></xsl:template>
  <xsl:template match="a:sub"><sub><xsl:apply-templates/></sub></xsl:template>
  <xsl:template match="a:br | a:eol"><br/></xsl:template>
  <xsl:template match="a:inline | a:docNumber | a:docStatus | a:docProponent | a:session | a:docTitle |
      a:docAuthority | a:docketNumber | a:docType | a:docPurpose | a:docCommittee | a:docStage |
      a:docJurisdiction | a:organization | a:person | a:role | a:term | a:concept | a:entity |
      a:quantity | a:def | a:abbr | a:decoration | a:shortTitle | a:legislature | a:signature">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The UN's type faces as span classes (AKN4UN): "italic", "bold",
       "bold italic", "underline"; other classes (print positions) are
       plain spans. -->
  <xsl:template match="a:span">
    <xsl:variable name="c" select="concat(' ', normalize-space(@class), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($c, ' bold ') and contains($c, ' italic ')"><b><i><xsl:apply-templates/></i></b></xsl:when>
      <xsl:when test="contains($c, ' bold ')"><b><xsl:apply-templates/></b></xsl:when>
      <xsl:when test="contains($c, ' italic ')"><i><xsl:apply-templates/></i></xsl:when>
      <xsl:when test="contains($c, ' underline ')"><u><xsl:apply-templates/></u></xsl:when>
      <xsl:otherwise><span class="span"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A date in the text: <time> when its @date is one. -->
  <xsl:template match="a:date">
    <xsl:choose>
      <xsl:when test="string-length(@date) = 10 and translate(@date, '0123456789', '') = '--'">
        <time datetime="{@date}"><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise><span class="date"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A reference (our <ref>, the UN's <a href>): resolved in-corpus
       through the link map when the site holds its target, else its own
       href if the scheme is safe, else plain text. -->
  <xsl:template match="a:ref | a:a">
    <xsl:choose>
      <!-- the common case: a web address the site does not resolve, as it is -->
      <xsl:when test="not($links/u:link[@href = current()/@href]) and
                      (starts-with(@href, 'https://') or starts-with(@href, 'http://')) and
                      not(contains(@href, ' ') or contains(@href, '&#9;') or contains(@href, '&#10;') or contains(@href, '&#13;'))">
        <a href="{@href}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="reference"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template name="reference">
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
    <xsl:variable name="id" select="concat(substring(concat(ancestor::a:component[@eId][1]/@eId, '__'), 1, 999 * boolean(ancestor::a:component[@eId])), @eId)"/>
    <sup class="fnref">
      <a href="#{$id}" id="fnref_{$id}" role="doc-noteref">
        <xsl:attribute name="aria-label"><xsl:value-of select="$t-note"/><xsl:text> </xsl:text><xsl:value-of select="@marker"/></xsl:attribute>
        <xsl:value-of select="@marker"/>
      </a>
    </sup>
  </xsl:template>

  <!-- At the end of the document: every note, linking back to its marker
       (a documentCollection's components' notes too). -->
  <xsl:template name="footnotes">
    <!-- (not through the metadata: the UN's holds its voting record) -->
    <xsl:variable name="notes" select="$root/*[not(self::a:meta)]/descendant::a:authorialNote[@eId] |
                                       /a:akomaNtoso/a:components/descendant::a:authorialNote[@eId]"/>
    <xsl:if test="$notes">
      <xsl:call-template name="footnotes-list"><xsl:with-param name="notes" select="$notes"/></xsl:call-template>
    </xsl:if>
  </xsl:template>
  <!-- (part by part, the walk gives each part's notes: x:notes) -->
  <xsl:template name="footnotes-list">
    <xsl:param name="notes"/>
    <section class="footnotes" aria-labelledby="notes-heading">
      <h2 id="notes-heading"><xsl:call-template name="t"><xsl:with-param name="id" select="'notes'"/></xsl:call-template></h2>
      <ul>
        <xsl:choose>
          <xsl:when test="$parts = '1'"><x:notes/></xsl:when>
          <xsl:otherwise><xsl:apply-templates select="$notes" mode="note-item"/></xsl:otherwise>
        </xsl:choose>
      </ul>
    </section>
  </xsl:template>
  <!-- One note of the list. -->
  <xsl:template match="a:authorialNote" mode="note-item">
    <xsl:variable name="id" select="concat(substring(concat(ancestor::a:component[@eId][1]/@eId, '__'), 1, 999 * boolean(ancestor::a:component[@eId])), @eId)"/>
    <li id="{$id}">
      <xsl:if test="@class"><xsl:attribute name="class"><xsl:value-of select="@class"/></xsl:attribute></xsl:if>
      <a class="backref" href="#fnref_{$id}" role="doc-backlink">
        <xsl:attribute name="aria-label"><xsl:value-of select="$t-back-to-note"/><xsl:text> </xsl:text><xsl:value-of select="@marker"/></xsl:attribute>
        <xsl:value-of select="@marker"/>
      </a>
      <xsl:text> </xsl:text>
      <div class="note">
        <xsl:choose>
          <xsl:when test="@class = 'missing' or normalize-space(.) = ''">
            <p class="missing"><xsl:call-template name="t"><xsl:with-param name="id" select="'note-missing'"/></xsl:call-template></p>
          </xsl:when>
          <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
        </xsl:choose>
      </div>
    </li>
    <x:flush/>
  </xsl:template>

  <!-- ============================================================ backlinks -->
  <xsl:template name="cited-by">
    <xsl:variable name="from" select="$links/u:cited[@eId = current()/@eId]"/>
    <xsl:if test="@eId and $from">
      <aside class="citedby">
        <xsl:attribute name="aria-label"><xsl:value-of select="$t-cited-by"/></xsl:attribute>
        <span class="label"><xsl:value-of select="$t-cited-by"/><xsl:text> </xsl:text></span>
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
        <h2 id="citedby-heading"><xsl:value-of select="$t-cited-by"/></h2>
        <ul>
          <xsl:for-each select="$links/u:cited">
            <li><a href="{@from}"><xsl:value-of select="@label"/></a>
              <xsl:if test="@eId != ''">
                <xsl:text> (</xsl:text><a href="#{@eId}"><xsl:call-template name="t"><xsl:with-param name="id" select="'cited'"/></xsl:call-template><xsl:text> </xsl:text><xsl:value-of select="@eId"/></a><xsl:text>)</xsl:text>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Shown elsewhere (the header) or nothing to show: metadata, the
       preface, images (the UN's logo, bar and QR codes: not shipped). -->
  <xsl:template match="a:meta | a:preface"/>
  <xsl:template match="a:img">
    <xsl:if test="$verbose = '1'">
      <xsl:message>unpress-image img</xsl:message>
    </xsl:if>
  </xsl:template>
  <!-- Anything else: its text, never its markup (and with verbose, its
       name, for src/html/xslt.c to report). -->
  <xsl:template match="*">
    <xsl:if test="$verbose = '1'">
      <xsl:message>unpress-unknown <xsl:value-of select="name()"/></xsl:message>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
