<?xml version="1.0" encoding="UTF-8"?>
<!-- site-sitemap.xsl — sitemap.xml for the site (sitemaps.org 0.9) from the
     corpus description.  Locations are relative unless a base URL is given
     (param base, e.g. https://example.org/unpress/). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:u="https://unpress.example/ns"
    xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    exclude-result-prefixes="u">
  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>
  <xsl:param name="base" select="''"/>
  <xsl:template match="/">
    <urlset>
      <url><loc><xsl:value-of select="concat($base, 'index.html')"/></loc></url>
      <url><loc><xsl:value-of select="concat($base, 'search.html')"/></loc></url>
      <xsl:for-each select="/u:site/u:doc">
        <url>
          <loc><xsl:value-of select="concat($base, @slug, '.html')"/></loc>
          <xsl:if test="string-length(@date) = 10"><lastmod><xsl:value-of select="@date"/></lastmod></xsl:if>
        </url>
      </xsl:for-each>
      <xsl:for-each select="/u:site/u:external">
        <url><loc><xsl:value-of select="concat($base, @page)"/></loc></url>
      </xsl:for-each>
    </urlset>
  </xsl:template>
</xsl:stylesheet>
