<?xml version="1.0" encoding="UTF-8"?>
<!-- site.xsl — the site's own pages, from the corpus description that
     src/site/site.c builds:
       <u:site><u:doc slug label symbol title type date cited/>…
               <u:external symbol href page cites/>…</u:site>
     (cites: how many times it is cited; an external page's description
     holds its one symbol with <u:cite from label text/> children).
     Parameters: page = index | search | external; sort = symbol | title |
     type | date (index: one pre-rendered file per order, so sorting needs
     no server and no script); symbol (external: which symbol's page). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:u="https://unpress.example/ns"
    exclude-result-prefixes="u">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="page" select="'index'"/>
  <xsl:param name="sort" select="'symbol'"/>
  <xsl:param name="symbol" select="''"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
    <html lang="en">
      <head>
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:call-template name="page-title"/></title>
        <meta name="description">
          <xsl:attribute name="content"><xsl:call-template name="page-title"/></xsl:attribute>
        </meta>
        <link rel="stylesheet" href="unpress.css"/>
        <xsl:if test="$page = 'search'">
          <script src="search-index.js" defer=""></script>
          <script src="search.js" defer=""></script>
        </xsl:if>
      </head>
      <body>
        <nav class="site" aria-label="Site">
          <a href="index.html">All documents</a>
          <a href="search.html">Search</a>
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

  <xsl:template name="page-title">
    <xsl:choose>
      <xsl:when test="$page = 'search'">Search the documents</xsl:when>
      <xsl:when test="$page = 'external'">Citations of <xsl:value-of select="$symbol"/></xsl:when>
      <xsl:otherwise>Documents</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ index -->
  <xsl:template name="index">
    <table class="documents">
      <caption>
        <xsl:value-of select="count(/u:site/u:doc)"/> documents, sorted by <xsl:value-of select="$sort"/>
      </caption>
      <thead>
        <tr>
          <xsl:call-template name="column"><xsl:with-param name="key" select="'symbol'"/><xsl:with-param name="file" select="'index.html'"/><xsl:with-param name="name" select="'Symbol'"/></xsl:call-template>
          <xsl:call-template name="column"><xsl:with-param name="key" select="'title'"/><xsl:with-param name="file" select="'index-title.html'"/><xsl:with-param name="name" select="'Title'"/></xsl:call-template>
          <xsl:call-template name="column"><xsl:with-param name="key" select="'type'"/><xsl:with-param name="file" select="'index-type.html'"/><xsl:with-param name="name" select="'Type'"/></xsl:call-template>
          <xsl:call-template name="column"><xsl:with-param name="key" select="'date'"/><xsl:with-param name="file" select="'index-date.html'"/><xsl:with-param name="name" select="'Date'"/></xsl:call-template>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="/u:site/u:doc">
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
      <h2>Documents cited, not in this collection</h2>
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
    <xsl:param name="key"/><xsl:param name="file"/><xsl:param name="name"/>
    <th scope="col">
      <xsl:if test="$key = $sort"><xsl:attribute name="aria-sort">ascending</xsl:attribute></xsl:if>
      <a href="{$file}"><xsl:value-of select="$name"/></a>
    </th>
  </xsl:template>

  <!-- ============================================================ external -->
  <xsl:template name="external">
    <xsl:variable name="ext" select="/u:site/u:external[@symbol = $symbol]"/>
    <p>Not in this collection: <a href="{$ext/@href}"><xsl:value-of select="$symbol"/> on the United Nations Official Document System</a>.</p>
    <h2>Cited in</h2>
    <ul class="cites">
      <xsl:for-each select="$ext/u:cite">
        <li><a href="{@from}"><xsl:value-of select="@label"/></a>: <xsl:value-of select="@text"/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ============================================================ search -->
  <xsl:template name="search">
    <form class="search" action="search.html" method="get" role="search">
      <label for="q">Words to find</label><xsl:text> </xsl:text>
      <input type="search" id="q" name="q" autocomplete="off"/>
      <xsl:text> </xsl:text>
      <button type="submit">Search</button>
    </form>
    <p id="search-status" role="status">The search needs JavaScript; every document is listed on the <a href="index.html">index</a>.</p>
    <ol id="results"></ol>
  </xsl:template>
</xsl:stylesheet>
