#!/usr/bin/env python3
"""Writes wopihost's blank templates and first-start demo documents.

Usage: make-documents.py [OUTPUT_DIR]   (default: ../resources next to this script)

Writes templates/blank.{docx,xlsx,pptx,odt,ods,odp} and demo/{Welcome.docx,
Budget.xlsx,Notes.odt,Slides.pptx}. Standard library only. The output is
byte-for-byte reproducible: every zip entry has the same fixed timestamp and
attributes, entries are written in a fixed order, and no part carries a date,
so a document created from a template does not claim the template's age.
"""

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

# Not the DOS epoch 1980-01-01: Java zip readers treat that as pre-1980 and attach an
# extended-timestamp extra field, which ODF forbids on "mimetype".
ZIP_TIME = (2025, 1, 1, 0, 0, 0)
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def write_zip(path, entries):
    """Writes (name, text, compressed) entries in order with fixed metadata."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for name, text, compressed in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.create_system = 0
            info.external_attr = 0
            info.compress_type = zipfile.ZIP_DEFLATED if compressed else zipfile.ZIP_STORED
            archive.writestr(info, text.encode("utf-8"), compresslevel=9 if compressed else None)


# --- Office Open XML (ECMA-376) -------------------------------------------------

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
CT = "application/vnd.openxmlformats-officedocument."


def relationships(rels):
    """A .rels part; rels is a list of (type suffix or full URI, target)."""
    items = []
    for number, (kind, target) in enumerate(rels, start=1):
        uri = kind if kind.startswith("http") else R_NS + "/" + kind
        items.append(f'<Relationship Id="rId{number}" Type="{uri}" Target="{target}"/>')
    return (XML_DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships">' + "".join(items) + "</Relationships>")


def ooxml_package(path, main_part, main_type, application, title, parts):
    """Writes an OPC package: parts is a list of (name, content type, xml) after the main part."""
    all_parts = [(main_part, main_type, None)] + parts
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>'
                        for name, kind, _ in all_parts if kind)
    content_types = (
        XML_DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + overrides
        + '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
        'package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="'
        + CT + 'extended-properties+xml"/></Types>')
    package_rels = relationships([
        ("officeDocument", main_part),
        ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
         "docProps/core.xml"),
        ("extended-properties", "docProps/app.xml"),
    ])
    title_xml = f"<dc:title>{escape(title)}</dc:title><dc:creator>wopihost</dc:creator>" if title else ""
    core = (XML_DECL + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' + title_xml
            + "</cp:coreProperties>")
    app = (XML_DECL + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
           f'docPropsVTypes"><Application>{application}</Application><DocSecurity>0</DocSecurity>'
           "</Properties>")
    entries = [("[Content_Types].xml", content_types, True), ("_rels/.rels", package_rels, True),
               ("docProps/app.xml", app, True), ("docProps/core.xml", core, True)]
    entries += [(name, xml, True) for name, _, xml in parts]
    write_zip(path, entries)


def docx(path, paragraphs, title=None):
    """paragraphs: list of (style id or None, text)."""
    body = []
    for style, text in paragraphs:
        props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
        run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
        body.append(f"<w:p>{props}{run}</w:p>")
    document = (
        XML_DECL + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>' + "".join(body)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" '
        'w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
        '<w:cols w:space="708"/></w:sectPr></w:body></w:document>')
    fonts = '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
    styles = (
        XML_DECL + f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{fonts}'
        '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr>'
        '</w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        '<w:qFormat/></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
        '<w:unhideWhenUsed/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/>'
        '<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/>'
        '<w:pPr><w:spacing w:after="240" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:kern w:val="28"/><w:sz w:val="56"/><w:szCs w:val="56"/></w:rPr></w:style>'
        '</w:styles>')
    settings = (
        XML_DECL + f'<w:settings xmlns:w="{W_NS}"><w:defaultTabStop w:val="708"/>'
        '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting '
        'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        '</w:compat></w:settings>')
    rels = relationships([("styles", "styles.xml"), ("settings", "settings.xml")])
    ooxml_package(path, "word/document.xml", CT + "wordprocessingml.document.main+xml",
                  "wopihost", title, [
                      ("word/document.xml", None, document),
                      ("word/styles.xml", CT + "wordprocessingml.styles+xml", styles),
                      ("word/settings.xml", CT + "wordprocessingml.settings+xml", settings),
                      ("word/_rels/document.xml.rels", None, rels),
                  ])


# Cell styles (cellXfs index): 0 default, 1 bold, 2 #,##0.00, 3 bold #,##0.00.
XLSX_STYLES = (
    XML_DECL + f'<styleSheet xmlns="{S_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="4" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" '
    'applyNumberFormat="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')


def xlsx(path, sheet_name, rows, title=None, column_widths=()):
    """rows: list of rows; a cell is None, (str, style), (number, style) or ('=F', style, cached)."""
    strings = []
    row_xml = []
    last_col, last_row = "A", 1
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, cell in enumerate(row):
            if cell is None:
                continue
            ref = f"{chr(ord('A') + c)}{r}"
            last_col, last_row = max(last_col, ref[0]), r
            value, style = cell[0], cell[1]
            style_attr = f' s="{style}"' if style else ""
            if isinstance(value, str) and value.startswith("="):
                cells.append(f'<c r="{ref}"{style_attr}><f>{escape(value[1:])}</f>'
                             f'<v>{cell[2]}</v></c>')
            elif isinstance(value, str):
                if value not in strings:
                    strings.append(value)
                cells.append(f'<c r="{ref}"{style_attr} t="s"><v>{strings.index(value)}</v></c>')
            else:
                cells.append(f'<c r="{ref}"{style_attr}><v>{value}</v></c>')
        row_xml.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                   for i, w in enumerate(column_widths, start=1))
    sheet = (
        XML_DECL + f'<worksheet xmlns="{S_NS}" xmlns:r="{R_NS}">'
        f'<dimension ref="{"A1" if not rows else f"A1:{last_col}{last_row}"}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>' + (f"<cols>{cols}</cols>" if cols else "")
        + "<sheetData>" + "".join(row_xml) + "</sheetData>"
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        "</worksheet>")
    # fullCalcOnLoad: editors recompute formulas instead of trusting our cached values.
    workbook = (
        XML_DECL + f'<workbook xmlns="{S_NS}" xmlns:r="{R_NS}"><bookViews><workbookView/>'
        f'</bookViews><sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/>'
        '</sheets><calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>')
    rels = [("worksheet", "worksheets/sheet1.xml"), ("styles", "styles.xml")]
    parts = [
        ("xl/workbook.xml", None, workbook),
        ("xl/worksheets/sheet1.xml", CT + "spreadsheetml.worksheet+xml", sheet),
        ("xl/styles.xml", CT + "spreadsheetml.styles+xml", XLSX_STYLES),
    ]
    if strings:
        shared = (XML_DECL + f'<sst xmlns="{S_NS}" count="{len(strings)}" '
                  f'uniqueCount="{len(strings)}">'
                  + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
        rels.append(("sharedStrings", "sharedStrings.xml"))
        parts.append(("xl/sharedStrings.xml", CT + "spreadsheetml.sharedStrings+xml", shared))
    parts.append(("xl/_rels/workbook.xml.rels", None, relationships(rels)))
    ooxml_package(path, "xl/workbook.xml", CT + "spreadsheetml.sheet.main+xml", "wopihost",
                  title, parts)


PML = f'xmlns:a="{A_NS}" xmlns:r="{R_NS}" xmlns:p="{P_NS}"'
SHAPE_TREE_START = (
    '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
    '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>')


def placeholder(shape_id, name, ph, box=None, text="", body_pr="<a:bodyPr/>", lst_style=""):
    """A placeholder shape; box (x, y, cx, cy) in EMU, or None to inherit the position."""
    xfrm = (f'<a:xfrm><a:off x="{box[0]}" y="{box[1]}"/><a:ext cx="{box[2]}" cy="{box[3]}"/>'
            "</a:xfrm>") if box else ""
    run = f'<a:r><a:rPr lang="en-US"/><a:t>{escape(text)}</a:t></a:r>' if text else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr>'
            f'<a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
            f"<p:spPr>{xfrm}</p:spPr><p:txBody>{body_pr}<a:lstStyle>{lst_style}</a:lstStyle>"
            f'<a:p>{run}<a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>')


def text_level(size, extra="", bullet="<a:buNone/>", font="mn"):
    return (f'<a:lvl1pPr {extra}>{bullet}<a:defRPr sz="{size}" kern="1200"><a:solidFill>'
            f'<a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+{font}-lt"/>'
            f'<a:ea typeface="+{font}-ea"/><a:cs typeface="+{font}-cs"/></a:defRPr></a:lvl1pPr>')


THEME_COLORS = [("dk1", '<a:sysClr val="windowText" lastClr="000000"/>'),
                ("lt1", '<a:sysClr val="window" lastClr="FFFFFF"/>'),
                ("dk2", '<a:srgbClr val="44546A"/>'), ("lt2", '<a:srgbClr val="E7E6E6"/>'),
                ("accent1", '<a:srgbClr val="4472C4"/>'), ("accent2", '<a:srgbClr val="ED7D31"/>'),
                ("accent3", '<a:srgbClr val="A5A5A5"/>'), ("accent4", '<a:srgbClr val="FFC000"/>'),
                ("accent5", '<a:srgbClr val="5B9BD5"/>'), ("accent6", '<a:srgbClr val="70AD47"/>'),
                ("hlink", '<a:srgbClr val="0563C1"/>'), ("folHlink", '<a:srgbClr val="954F72"/>')]
SOLID_PH = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
THEME = (
    XML_DECL + f'<a:theme xmlns:a="{A_NS}" name="wopihost"><a:themeElements>'
    '<a:clrScheme name="wopihost">' + "".join(f"<a:{k}>{v}</a:{k}>" for k, v in THEME_COLORS)
    + '</a:clrScheme><a:fontScheme name="wopihost">'
    '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/>'
    '</a:majorFont><a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/>'
    '<a:cs typeface=""/></a:minorFont></a:fontScheme><a:fmtScheme name="wopihost">'
    # The schema requires exactly three entries (subtle, moderate, intense) in each list.
    "<a:fillStyleLst>" + SOLID_PH * 3 + "</a:fillStyleLst>"
    "<a:lnStyleLst>" + f'<a:ln w="6350">{SOLID_PH}</a:ln>' * 3 + "</a:lnStyleLst>"
    "<a:effectStyleLst>" + "<a:effectStyle><a:effectLst/></a:effectStyle>" * 3
    + "</a:effectStyleLst><a:bgFillStyleLst>" + SOLID_PH * 3 + "</a:bgFillStyleLst>"
    "</a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>")

SLIDE_MASTER = (
    XML_DECL + f"<p:sldMaster {PML}><p:cSld><p:bg><p:bgRef idx=\"1001\">"
    '<a:schemeClr val="bg1"/></p:bgRef></p:bg>' + SHAPE_TREE_START
    + placeholder(2, "Title Placeholder 1", '<p:ph type="title"/>',
                  (838200, 365125, 10515600, 1325563), "Click to edit the title",
                  '<a:bodyPr anchor="ctr"/>')
    + placeholder(3, "Text Placeholder 2", '<p:ph type="body" idx="1"/>',
                  (838200, 1825625, 10515600, 4351338), "Click to edit the text")
    + "</p:spTree></p:cSld>"
    '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
    'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
    'folHlink="folHlink"/><p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/>'
    "</p:sldLayoutIdLst><p:txStyles>"
    "<p:titleStyle>" + text_level(4400, 'algn="l"', font="mj") + "</p:titleStyle>"
    "<p:bodyStyle>" + text_level(2800, 'marL="228600" indent="-228600" algn="l"',
                                 '<a:buFont typeface="Arial"/><a:buChar char="&#8226;"/>')
    + "</p:bodyStyle><p:otherStyle>" + text_level(1800) + "</p:otherStyle>"
    "</p:txStyles></p:sldMaster>")

SLIDE_LAYOUT = (
    XML_DECL + f'<p:sldLayout {PML} type="title" preserve="1"><p:cSld name="Title Slide">'
    + SHAPE_TREE_START
    + placeholder(2, "Title 1", '<p:ph type="ctrTitle"/>', (1524000, 1122363, 9144000, 2387600),
                  "Click to add a title", '<a:bodyPr anchor="b"/>',
                  '<a:lvl1pPr algn="ctr"><a:defRPr sz="6000"/></a:lvl1pPr>')
    + placeholder(3, "Subtitle 2", '<p:ph type="subTitle" idx="1"/>',
                  (1524000, 3602038, 9144000, 1655762), "Click to add a subtitle", "<a:bodyPr/>",
                  '<a:lvl1pPr marL="0" indent="0" algn="ctr"><a:buNone/>'
                  '<a:defRPr sz="2400"/></a:lvl1pPr>')
    + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>")


def pptx(path, slide_title="", slide_subtitle="", title=None):
    """One 16:9 slide on the title-slide layout; empty placeholders show the editor's prompt."""
    slide = (
        XML_DECL + f"<p:sld {PML}><p:cSld>" + SHAPE_TREE_START
        + placeholder(2, "Title 1", '<p:ph type="ctrTitle"/>', text=slide_title)
        + placeholder(3, "Subtitle 2", '<p:ph type="subTitle" idx="1"/>', text=slide_subtitle)
        + "</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>")
    presentation = (
        XML_DECL + f'<p:presentation {PML} saveSubsetFonts="1"><p:sldMasterIdLst>'
        '<p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:sldIdLst>'
        '<p:sldId id="256" r:id="rId2"/></p:sldIdLst><p:sldSz cx="12192000" cy="6858000"/>'
        '<p:notesSz cx="6858000" cy="9144000"/></p:presentation>')
    pres_rels = relationships([
        ("slideMaster", "slideMasters/slideMaster1.xml"), ("slide", "slides/slide1.xml"),
        ("theme", "theme/theme1.xml"), ("presProps", "presProps.xml"),
        ("viewProps", "viewProps.xml"), ("tableStyles", "tableStyles.xml")])
    pml = CT + "presentationml."
    ooxml_package(path, "ppt/presentation.xml", pml + "presentation.main+xml", "wopihost", title, [
        ("ppt/presentation.xml", None, presentation),
        ("ppt/_rels/presentation.xml.rels", None, pres_rels),
        ("ppt/slideMasters/slideMaster1.xml", pml + "slideMaster+xml", SLIDE_MASTER),
        ("ppt/slideMasters/_rels/slideMaster1.xml.rels", None,
         relationships([("slideLayout", "../slideLayouts/slideLayout1.xml"),
                        ("theme", "../theme/theme1.xml")])),
        ("ppt/slideLayouts/slideLayout1.xml", pml + "slideLayout+xml", SLIDE_LAYOUT),
        ("ppt/slideLayouts/_rels/slideLayout1.xml.rels", None,
         relationships([("slideMaster", "../slideMasters/slideMaster1.xml")])),
        ("ppt/slides/slide1.xml", pml + "slide+xml", slide),
        ("ppt/slides/_rels/slide1.xml.rels", None,
         relationships([("slideLayout", "../slideLayouts/slideLayout1.xml")])),
        ("ppt/theme/theme1.xml", CT + "theme+xml", THEME),
        ("ppt/presProps.xml", pml + "presProps+xml",
         XML_DECL + f"<p:presentationPr {PML}/>"),
        ("ppt/viewProps.xml", pml + "viewProps+xml", XML_DECL + f"<p:viewPr {PML}/>"),
        ("ppt/tableStyles.xml", pml + "tableStyles+xml",
         XML_DECL + f'<a:tblStyleLst xmlns:a="{A_NS}" '
         'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>'),
    ])


# --- OpenDocument (ODF 1.3) ----------------------------------------------------------

ODF_VERSION = "1.3"
ODF_NS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in [
    ("office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"),
    ("style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"),
    ("text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"),
    ("table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"),
    ("draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"),
    ("fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"),
    ("svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"),
    ("presentation", "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"),
    ("meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"),
    ("dc", "http://purl.org/dc/elements/1.1/"),
])
ODF_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'
FONT_DECLS = ('<office:font-face-decls><style:font-face style:name="Liberation Sans" '
              'svg:font-family="\'Liberation Sans\'" style:font-family-generic="swiss" '
              'style:font-pitch="variable"/></office:font-face-decls>')


def odf_package(path, kind, body, styles, automatic_styles="", title=None):
    """kind: text, spreadsheet or presentation; body goes inside office:body/office:<kind>."""
    mimetype = f"application/vnd.oasis.opendocument.{kind}"
    content = (ODF_DECL + f'<office:document-content {ODF_NS} office:version="{ODF_VERSION}">'
               + FONT_DECLS + f"<office:automatic-styles>{automatic_styles}"
               f"</office:automatic-styles><office:body><office:{kind}>{body}</office:{kind}>"
               "</office:body></office:document-content>")
    styles_xml = (ODF_DECL + f'<office:document-styles {ODF_NS} office:version="{ODF_VERSION}">'
                  + FONT_DECLS + styles + "</office:document-styles>")
    title_xml = f"<dc:title>{escape(title)}</dc:title>" if title else ""
    meta = (ODF_DECL + f'<office:document-meta {ODF_NS} office:version="{ODF_VERSION}">'
            f"<office:meta><meta:generator>wopihost</meta:generator>{title_xml}</office:meta>"
            "</office:document-meta>")
    files = ["content.xml", "styles.xml", "meta.xml"]
    manifest = (
        ODF_DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
        f'manifest:1.0" manifest:version="{ODF_VERSION}"><manifest:file-entry '
        f'manifest:full-path="/" manifest:version="{ODF_VERSION}" manifest:media-type="{mimetype}"/>'
        + "".join(f'<manifest:file-entry manifest:full-path="{name}" manifest:media-type="text/xml"/>'
                  for name in files) + "</manifest:manifest>")
    # The spec requires "mimetype" first and stored so tools can sniff the type at offset 38.
    write_zip(path, [("mimetype", mimetype, False), ("META-INF/manifest.xml", manifest, True),
                     ("content.xml", content, True), ("styles.xml", styles_xml, True),
                     ("meta.xml", meta, True)])


def page_styles(layout, master, width, height, margin, orientation, automatic="", masters="",
                master_attrs=""):
    """A page layout and the master page using it, plus any extra automatic or master styles."""
    return (f'<office:automatic-styles><style:page-layout style:name="{layout}">'
            f'<style:page-layout-properties fo:page-width="{width}" fo:page-height="{height}" '
            f'style:print-orientation="{orientation}" fo:margin-top="{margin}" '
            f'fo:margin-bottom="{margin}" fo:margin-left="{margin}" fo:margin-right="{margin}"/>'
            f"</style:page-layout>{automatic}</office:automatic-styles>"
            f"<office:master-styles>{masters}<style:master-page style:name=\"{master}\" "
            f'style:page-layout-name="{layout}"{master_attrs}/></office:master-styles>')


ODT_STYLES = (
    '<office:styles><style:default-style style:family="paragraph"><style:text-properties '
    'style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="en" fo:country="US"/>'
    '</style:default-style>'
    '<style:style style:name="Standard" style:family="paragraph" style:class="text"/>'
    '<style:style style:name="Text_20_body" style:display-name="Text body" '
    'style:family="paragraph" style:parent-style-name="Standard" style:class="text">'
    '<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" '
    'fo:line-height="115%"/></style:style>'
    '<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" '
    'style:next-style-name="Text_20_body" style:class="chapter"><style:paragraph-properties '
    'fo:margin-top="0cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="26pt" '
    'fo:font-weight="bold"/></style:style></office:styles>'
    + page_styles("pm1", "Standard", "21cm", "29.7cm", "2cm", "portrait"))

BULLET_LIST_STYLE = (
    '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" '
    'text:bullet-char="&#8226;"><style:list-level-properties '
    'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
    'text:label-followed-by="listtab" text:list-tab-stop-position="1.27cm" '
    'fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/></style:list-level-properties>'
    "</text:list-level-style-bullet></text:list-style>")


def odt(path, heading=None, bullets=(), title=None):
    if heading is None:
        body = '<text:p text:style-name="Standard"/>'
    else:
        body = (f'<text:p text:style-name="Title">{escape(heading)}</text:p>'
                '<text:list text:style-name="L1">'
                + "".join(f'<text:list-item><text:p text:style-name="Text_20_body">{escape(b)}'
                          "</text:p></text:list-item>" for b in bullets) + "</text:list>")
    odf_package(path, "text", body, ODT_STYLES, BULLET_LIST_STYLE if bullets else "", title)


def ods(path):
    styles = ('<office:styles><style:default-style style:family="table-cell">'
              '<style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" '
              'fo:language="en" fo:country="US"/></style:default-style></office:styles>'
              + page_styles("pm1", "Default", "21cm", "29.7cm", "2cm", "portrait"))
    table_style = ('<style:style style:name="ta1" style:family="table" style:master-page-name='
                   '"Default"><style:table-properties table:display="true" '
                   'style:writing-mode="lr-tb"/></style:style>')
    body = ('<table:table table:name="Sheet1" table:style-name="ta1"><table:table-column/>'
            "<table:table-row><table:table-cell/></table:table-row></table:table>")
    odf_package(path, "spreadsheet", body, styles, table_style)


def odp(path):
    """One 16:9 slide with empty title and subtitle placeholders."""
    frames = {"title": ("1.4cm", "2.4cm", "25.2cm", "5cm"),
              "subtitle": ("3.5cm", "8.1cm", "21cm", "3.5cm")}
    presentation_styles = "".join(
        f'<style:style style:name="Default-{cls}" style:family="presentation">'
        '<style:graphic-properties draw:stroke="none" draw:fill="none" '
        f'draw:textarea-vertical-align="{"bottom" if cls == "title" else "top"}"/>'
        '<style:paragraph-properties fo:text-align="center"/><style:text-properties '
        f'style:font-name="Liberation Sans" fo:font-size="{size}"/></style:style>'
        for cls, size in (("title", "44pt"), ("subtitle", "24pt")))
    page_layout = ('<style:presentation-page-layout style:name="AL1T0">' + "".join(
        f'<presentation:placeholder presentation:object="{cls}" svg:x="{x}" svg:y="{y}" '
        f'svg:width="{w}" svg:height="{h}"/>' for cls, (x, y, w, h) in frames.items())
        + "</style:presentation-page-layout>")
    background = ('<style:style style:name="Mdp1" style:family="drawing-page">'
                  '<style:drawing-page-properties draw:fill="solid" draw:fill-color="#ffffff" '
                  'presentation:background-visible="true"/></style:style>')
    layers = ('<draw:layer-set><draw:layer draw:name="layout"/><draw:layer draw:name="background"/>'
              '<draw:layer draw:name="backgroundobjects"/><draw:layer draw:name="controls"/>'
              '<draw:layer draw:name="measurelines"/></draw:layer-set>')
    styles = (f"<office:styles>{presentation_styles}{page_layout}</office:styles>"
              + page_styles("PM1", "Default", "28cm", "15.75cm", "0cm", "landscape",
                            background, layers, ' draw:style-name="Mdp1"'))
    body = ('<draw:page draw:name="page1" draw:master-page-name="Default" '
            'presentation:presentation-page-layout-name="AL1T0">' + "".join(
                f'<draw:frame presentation:style-name="Default-{cls}" draw:layer="layout" '
                f'svg:x="{x}" svg:y="{y}" svg:width="{w}" svg:height="{h}" '
                f'presentation:class="{cls}" presentation:placeholder="true"><draw:text-box/>'
                "</draw:frame>" for cls, (x, y, w, h) in frames.items()) + "</draw:page>")
    odf_package(path, "presentation", body, styles)


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "resources"
    templates, demo = out / "templates", out / "demo"

    docx(templates / "blank.docx", [(None, "")])
    xlsx(templates / "blank.xlsx", "Sheet1", [])
    pptx(templates / "blank.pptx")
    odt(templates / "blank.odt")
    ods(templates / "blank.ods")
    odp(templates / "blank.odp")

    docx(demo / "Welcome.docx", [
        ("Title", "Welcome to wopihost"),
        (None, "This document lives in wopihost, a WOPI host that stores your files and their "
               "history."),
        (None, "It opens in an online editor such as Collabora Online, ONLYOFFICE or Office for "
               "the web, which reads and writes it through the WOPI protocol."),
        (None, "Every time you save, wopihost keeps the earlier content and stores your changes "
               "as a new version."),
    ], title="Welcome to wopihost")
    items = [("Hosting", 1200), ("Software licences", 850.5), ("Hardware", 2300),
             ("Training", 640)]
    xlsx(demo / "Budget.xlsx", "Budget",
         [[("Item", 1), ("Amount", 1)]]
         + [[(name, 0), (amount, 2)] for name, amount in items]
         + [[("Total", 1), (f"=SUM(B2:B{len(items) + 1})", 3, sum(a for _, a in items))]],
         title="Budget", column_widths=(24, 14))
    odt(demo / "Notes.odt", "Notes", [
        "This file is stored in wopihost.",
        "It opens in Collabora Online, ONLYOFFICE or Office for the web.",
        "Each save keeps the previous version, so nothing is lost.",
    ], title="Notes")
    pptx(demo / "Slides.pptx", "Welcome to wopihost",
         "Presentations open in your online editor through WOPI", title="Slides")


if __name__ == "__main__":
    main()
