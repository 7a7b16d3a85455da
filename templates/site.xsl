<?xml version="1.0" encoding="UTF-8"?>
<!-- site.xsl — the site's own pages, from the corpus description that
     src/site/site.c builds:
       <u:site><u:lang tag suffix count/>…
               <u:doc slug label symbol title type date cited lang alt/>…
               <u:external symbol href page cites/>…</u:site>
     (lang: the collection's languages, the first the one whose pages have
     plain names; cites: how many times a symbol is cited; an external
     page's description holds its one symbol with <u:cite from label text
     lang/> children).
     Parameters: page = index | search | external; sort = symbol | title |
     type | date (index: one pre-rendered file per order, so sorting needs
     no server and no script); symbol (external: which symbol's page);
     lang, dir, suffix: the page's language, its direction and the suffix
     of its pages' names ("" or "-ar": index-ar.html, search-ar.html,
     search-index-ar.js).  An index lists the documents in its language;
     the words the pages add come from strings.xml. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:u="https://unpress.example/ns"
    exclude-result-prefixes="u">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="page" select="'index'"/>
  <xsl:param name="sort" select="'symbol'"/>
  <xsl:param name="symbol" select="''"/>
  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="dir" select="'ltr'"/>
  <xsl:param name="suffix" select="''"/>

  <!-- strings: the words of templates/strings.xml in the page's language,
       as src/html/xslt.c packs them ("\nID\tTEXT" each, then "\n"). -->
  <xsl:param name="strings" select="''"/>
  <xsl:template name="t">
    <xsl:param name="id"/>
    <xsl:value-of select="substring-before(substring-after($strings, concat('&#10;', $id, '&#9;')), '&#10;')"/>
  </xsl:template>
  <!-- t with {n}, {m} and {x} replaced -->
  <xsl:template name="tf">
    <xsl:param name="id"/>
    <xsl:param name="n" select="''"/>
    <xsl:param name="x" select="''"/>
    <xsl:variable name="text"><xsl:call-template name="t"><xsl:with-param name="id" select="$id"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="replace">
      <xsl:with-param name="text">
        <xsl:call-template name="replace">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="from" select="'{n}'"/>
          <xsl:with-param name="to" select="$n"/>
        </xsl:call-template>
      </xsl:with-param>
      <xsl:with-param name="from" select="'{x}'"/>
      <xsl:with-param name="to" select="$x"/>
    </xsl:call-template>
  </xsl:template>
  <xsl:template name="replace">
    <xsl:param name="text"/><xsl:param name="from"/><xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="contains($text, $from)">
        <xsl:value-of select="concat(substring-before($text, $from), $to, substring-after($text, $from))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The documents this page lists: those in its language (every one when
       the description names no languages). -->
  <xsl:variable name="languages" select="/u:site/u:lang"/>
  <xsl:variable name="docs" select="/u:site/u:doc[@lang = $lang] | /u:site/u:doc[not($languages)]"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="{$lang}">
      <xsl:if test="$dir = 'rtl'"><xsl:attribute name="dir">rtl</xsl:attribute></xsl:if>
      <head>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:call-template name="page-title"/></title>
        <meta name="description">
          <xsl:attribute name="content"><xsl:call-template name="page-title"/></xsl:attribute>
        </meta>
        <xsl:if test="$page != 'external'">
          <xsl:for-each select="$languages[count($languages) &gt; 1]">
            <link rel="alternate" hreflang="{@tag}" href="{$page}{@suffix}{substring('-', 1, number($page = 'index' and $sort != 'symbol'))}{substring($sort, 1, number($page = 'index' and $sort != 'symbol') * 10)}.html"/>
          </xsl:for-each>
        </xsl:if>
        <link rel="stylesheet" href="unpress.css"/>
        <xsl:if test="$page = 'search'">
          <script src="search-index{$suffix}.js" defer=""></script>
          <script src="search.js" defer=""></script>
        </xsl:if>
      </head>
      <body>
        <nav class="site">
          <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="id" select="'site'"/></xsl:call-template></xsl:attribute>
          <a href="index{$suffix}.html"><xsl:call-template name="t"><xsl:with-param name="id" select="'all-documents'"/></xsl:call-template></a>
          <a href="search{$suffix}.html"><xsl:call-template name="t"><xsl:with-param name="id" select="'search'"/></xsl:call-template></a>
          <xsl:if test="$page != 'external'"><xsl:call-template name="language-switch"/></xsl:if>
        </nav>
        <main>
          <h1><xsl:call-template name="page-title"/></h1>
          <xsl:choose>
            <xsl:when test="$page = 'search'"><xsl:call-template name="search"/></xsl:when>
            <xsl:when test="$page = 'external'"><xsl:call-template name="external"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="index"/></xsl:otherwise>
          </xsl:choose>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- This page in the collection's other languages, each named in its own. -->
  <xsl:template name="language-switch">
    <xsl:if test="count($languages) &gt; 1">
      <ul class="languages">
        <xsl:attribute name="aria-label"><xsl:call-template name="t"><xsl:with-param name="id" select="'languages'"/></xsl:call-template></xsl:attribute>
        <xsl:for-each select="$languages">
          <xsl:sort select="string-length(substring-before('ar zh en fr ru es ', concat(@tag, ' '))) + 100 * number(not(contains('ar zh en fr ru es ', concat(@tag, ' '))))" data-type="number"/>
          <xsl:sort select="@tag"/>
          <xsl:variable name="code" select="@tag"/>
          <xsl:variable name="name"><xsl:call-template name="t"><xsl:with-param name="id" select="concat('name-', $code)"/></xsl:call-template></xsl:variable>
          <li>
            <a hreflang="{@tag}" lang="{@tag}">
              <xsl:attribute name="href">
                <xsl:value-of select="concat($page, @suffix)"/>
                <xsl:if test="$page = 'index' and $sort != 'symbol'"><xsl:value-of select="concat('-', $sort)"/></xsl:if>
                <xsl:text>.html</xsl:text>
              </xsl:attribute>
              <xsl:if test="@tag = $lang"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
              <xsl:choose>
                <xsl:when test="$name != ''"><xsl:value-of select="$name"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="@tag"/></xsl:otherwise>
              </xsl:choose>
            </a>
          </li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="page-title">
    <xsl:choose>
      <xsl:when test="$page = 'search'"><xsl:call-template name="t"><xsl:with-param name="id" select="'search-title'"/></xsl:call-template></xsl:when>
      <xsl:when test="$page = 'external'">
        <xsl:call-template name="tf"><xsl:with-param name="id" select="'citations-of'"/><xsl:with-param name="x" select="$symbol"/></xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="id" select="'documents'"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ index -->
  <xsl:template name="index">
    <table class="documents">
      <caption>
        <xsl:call-template name="tf">
          <xsl:with-param name="id" select="'sorted-by'"/>
          <xsl:with-param name="n" select="count($docs)"/>
          <xsl:with-param name="x">
            <xsl:choose>
              <xsl:when test="$lang = 'en'"><xsl:value-of select="$sort"/></xsl:when>
              <xsl:otherwise><xsl:call-template name="t"><xsl:with-param name="id" select="concat('col-', $sort)"/></xsl:call-template></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </caption>
      <thead>
        <tr>
          <xsl:call-template name="column"><xsl:with-param name="key" select="'symbol'"/><xsl:with-param name="file" select="concat('index', $suffix, '.html')"/></xsl:call-template>
          <xsl:call-template name="column"><xsl:with-param name="key" select="'title'"/><xsl:with-param name="file" select="concat('index', $suffix, '-title.html')"/></xsl:call-template>
          <xsl:call-template name="column"><xsl:with-param name="key" select="'type'"/><xsl:with-param name="file" select="concat('index', $suffix, '-type.html')"/></xsl:call-template>
          <xsl:call-template name="column"><xsl:with-param name="key" select="'date'"/><xsl:with-param name="file" select="concat('index', $suffix, '-date.html')"/></xsl:call-template>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="$docs">
          <xsl:sort select="@*[local-name() = $sort][$sort != 'symbol'] | @label[$sort = 'symbol']"/>
          <xsl:sort select="@label"/>
          <tr>
            <td><a href="{@slug}.html"><xsl:value-of select="@label"/></a></td>
            <td><xsl:value-of select="@title"/></td>
            <td><xsl:value-of select="@type"/></td>
            <td><xsl:if test="@date != ''"><time datetime="{@date}"><xsl:value-of select="@date"/></time></xsl:if></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
    <xsl:if test="/u:site/u:external">
      <h2><xsl:call-template name="t"><xsl:with-param name="id" select="'externals'"/></xsl:call-template></h2>
      <ul class="externals">
        <xsl:for-each select="/u:site/u:external">
          <xsl:sort select="@symbol"/>
          <li><a href="{@page}"><xsl:value-of select="@symbol"/></a>
            (<xsl:value-of select="@cites"/>)</li>
        </xsl:for-each>
      </ul>
    </xsl:if>
  </xsl:template>

  <xsl:template name="column">
    <xsl:param name="key"/><xsl:param name="file"/>
    <th scope="col">
      <xsl:if test="$key = $sort"><xsl:attribute name="aria-sort">ascending</xsl:attribute></xsl:if>
      <a href="{$file}"><xsl:call-template name="t"><xsl:with-param name="id" select="concat('col-', $key)"/></xsl:call-template></a>
    </th>
  </xsl:template>

  <!-- ============================================================ external -->
  <xsl:template name="external">
    <xsl:variable name="ext" select="/u:site/u:external[@symbol = $symbol]"/>
    <p><xsl:call-template name="t"><xsl:with-param name="id" select="'not-in-collection'"/></xsl:call-template><xsl:text> </xsl:text><a href="{$ext/@href}"><xsl:call-template name="tf"><xsl:with-param name="id" select="'on-ods'"/><xsl:with-param name="x" select="$symbol"/></xsl:call-template></a>.</p>
    <h2><xsl:call-template name="t"><xsl:with-param name="id" select="'cited-in'"/></xsl:call-template></h2>
    <ul class="cites">
      <xsl:for-each select="$ext/u:cite">
        <li>
          <!-- a citation from a document in another language is marked so -->
          <xsl:if test="@lang and @lang != $lang">
            <xsl:attribute name="lang"><xsl:value-of select="@lang"/></xsl:attribute>
            <xsl:if test="@lang = 'ar' or @lang = 'he' or @lang = 'fa' or @lang = 'ur'"><xsl:attribute name="dir">rtl</xsl:attribute></xsl:if>
          </xsl:if>
          <a href="{@from}"><xsl:value-of select="@label"/></a>: <xsl:value-of select="@text"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ============================================================ search -->
  <!-- search.js's messages ride on the status line's data- attributes. -->
  <xsl:template name="search">
    <form class="search" action="search{$suffix}.html" method="get" role="search">
      <label for="q"><xsl:call-template name="t"><xsl:with-param name="id" select="'words-to-find'"/></xsl:call-template></label><xsl:text> </xsl:text>
      <input type="search" id="q" name="q" autocomplete="off"/>
      <xsl:text> </xsl:text>
      <button type="submit"><xsl:call-template name="t"><xsl:with-param name="id" select="'search-button'"/></xsl:call-template></button>
    </form>
    <p id="search-status" role="status">
      <xsl:if test="$lang != 'en'">
        <xsl:call-template name="data"><xsl:with-param name="key" select="'loading'"/></xsl:call-template>
        <xsl:call-template name="data"><xsl:with-param name="key" select="'type'"/></xsl:call-template>
        <xsl:call-template name="data"><xsl:with-param name="key" select="'none'"/></xsl:call-template>
        <xsl:call-template name="data"><xsl:with-param name="key" select="'one'"/></xsl:call-template>
        <xsl:call-template name="data"><xsl:with-param name="key" select="'many'"/></xsl:call-template>
        <xsl:call-template name="data"><xsl:with-param name="key" select="'failed'"/></xsl:call-template>
        <xsl:call-template name="data"><xsl:with-param name="key" select="'missing'"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="t"><xsl:with-param name="id" select="'search-needs-script'"/></xsl:call-template>
      <xsl:text> </xsl:text>
      <a href="index{$suffix}.html"><xsl:call-template name="t"><xsl:with-param name="id" select="'index'"/></xsl:call-template></a>.</p>
    <ol id="results"></ol>
  </xsl:template>
  <!-- one of search.js's messages (strings.xml's js-KEY) as data-KEY -->
  <xsl:template name="data">
    <xsl:param name="key"/>
    <xsl:attribute name="data-{$key}">
      <xsl:call-template name="t"><xsl:with-param name="id" select="concat('js-', $key)"/></xsl:call-template>
    </xsl:attribute>
  </xsl:template>
</xsl:stylesheet>
