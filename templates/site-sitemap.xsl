<?xml version="1.0" encoding="UTF-8"?>
<!-- site-sitemap.xsl — sitemap.xml for the site (sitemaps.org 0.9) from the
     corpus description.  Locations are relative unless a base URL is given
     (param base, e.g. https://example.org/unpress/).  A page that exists in
     several languages (a document's language versions, the index and
     search pages of a collection in several languages) lists them all as
     xhtml:link alternates, itself included, as search engines ask. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:u="https://unpress.example/ns"
    xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    xmlns:xhtml="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="u">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:param name="base" select="''"/>
  <!-- a symbol's language versions (upper case: symbols compare without it) -->
  <xsl:key name="versions" match="u:doc[@alt]"
           use="translate(@symbol, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/>
  <xsl:variable name="langs" select="/u:site/u:lang"/>
  <xsl:template match="/">
    <urlset>
      <xsl:choose>
        <xsl:when test="count($langs) &gt; 1">
          <xsl:for-each select="$langs">
            <xsl:call-template name="site-page"><xsl:with-param name="stem" select="'index'"/></xsl:call-template>
          </xsl:for-each>
          <xsl:for-each select="$langs">
            <xsl:call-template name="site-page"><xsl:with-param name="stem" select="'search'"/></xsl:call-template>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <url><loc><xsl:value-of select="concat($base, 'index.html')"/></loc></url>
          <url><loc><xsl:value-of select="concat($base, 'search.html')"/></loc></url>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="/u:site/u:doc">
        <url>
          <loc><xsl:value-of select="concat($base, @slug, '.html')"/></loc>
          <xsl:if test="string-length(@date) = 10"><lastmod><xsl:value-of select="@date"/></lastmod></xsl:if>
          <xsl:if test="@alt">
            <xsl:for-each select="key('versions', translate(@symbol, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'))">
              <xhtml:link rel="alternate" hreflang="{@lang}" href="{concat($base, @slug, '.html')}"/>
            </xsl:for-each>
          </xsl:if>
        </url>
      </xsl:for-each>
      <xsl:for-each select="/u:site/u:external">
        <url><loc><xsl:value-of select="concat($base, @page)"/></loc></url>
      </xsl:for-each>
    </urlset>
  </xsl:template>

  <!-- One language's index or search page, with its versions in the others. -->
  <xsl:template name="site-page">
    <xsl:param name="stem"/>
    <url>
      <loc><xsl:value-of select="concat($base, $stem, @suffix, '.html')"/></loc>
      <xsl:for-each select="$langs">
        <xhtml:link rel="alternate" hreflang="{@tag}" href="{concat($base, $stem, @suffix, '.html')}"/>
      </xsl:for-each>
    </url>
  </xsl:template>
</xsl:stylesheet>
