// Word documents: the paragraphs of the main part, whatever the package looks like.
#include "test_support.h"

#include <jtbd/docx.h>

#include <gtest/gtest.h>
#include <map>

#include <zip.h>

namespace jtbd {

using namespace test;

namespace {

constexpr const char *kRels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>)";

// A .docx (a ZIP of parts) made in memory, as Word would package it.
std::string makeDocx(const std::map<std::string, std::string> &parts)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t *archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    zip_source_keep(buffer);
    for (const auto &[name, content] : parts) {
        zip_source_t *part = zip_source_buffer(archive, content.data(), content.size(), 0);
        zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
    }
    zip_close(archive);
    zip_source_open(buffer);
    zip_source_seek(buffer, 0, SEEK_END);
    const auto size = zip_source_tell(buffer);
    zip_source_seek(buffer, 0, SEEK_SET);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(buffer);
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

std::string
document(const std::string &body,
         const std::string &ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main")
{
    return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w=")" + ns
           + R"("><w:body>)" + body
           + R"(<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>)";
}

std::string docx(const std::string &body)
{
    return makeDocx({{"[Content_Types].xml", "<Types/>"},
                     {"_rels/.rels", kRels},
                     {"word/document.xml", document(body)}});
}

} // namespace

TEST(Docx, ParagraphsJoinTheirRunsTabsAndBreaks)
{
    const auto paragraphs = expectOk(docxParagraphs(docx(
        R"(<w:p><w:r><w:t>Hannah</w:t></w:r><w:r><w:t xml:space="preserve">  0:03</w:t></w:r></w:p>)"
        R"(<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>So it was</w:t></w:r><w:r><w:t xml:space="preserve"> March, </w:t></w:r>)"
        R"(<w:r><w:t>caf&#233; 😤</w:t><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t><w:noBreakHyphen/><w:t>z</w:t></w:r></w:p>)"
        R"(<w:p/>)")));
    EXPECT_EQ(paragraphs,
              (std::vector<std::string>{"Hannah  0:03", "So it was March, café 😤\tx\ny-z", ""}));
}

TEST(Docx, TrackedChangesFieldsLinksTablesAndControls)
{
    const auto paragraphs = expectOk(docxParagraphs(docx(
        R"(<w:p><w:r><w:t>kept </w:t></w:r><w:del><w:r><w:delText>deleted </w:delText></w:r></w:del>)"
        R"(<w:ins><w:r><w:t>inserted </w:t></w:r></w:ins><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r>)"
        R"(<w:hyperlink><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>)"
        R"(<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>in a control</w:t></w:r></w:p></w:sdtContent></w:sdt>)"
        R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>cell 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)")));
    EXPECT_EQ(paragraphs,
              (std::vector<std::string>{"kept inserted link", "in a control", "cell 1", "cell 2"}));
}

TEST(Docx, MainPartIsFoundThroughTheRelationships)
{
    std::string rels = kRels;
    rels.replace(rels.find("word/document.xml"), 17, "/word/document2.xml");
    // A Strict OOXML namespace and another prefix: elements are matched by their local names.
    std::string strict = document(R"(<w:p><w:r><w:t>strict</w:t></w:r></w:p>)",
                                  "http://purl.oclc.org/ooxml/wordprocessingml/main");
    for (std::size_t at = strict.find("w:"); at != std::string::npos;
         at = strict.find("w:", at + 2))
        strict.replace(at, 2, "x:");
    const auto bytes = makeDocx({{"_rels/.rels", rels}, {"word/document2.xml", strict}});
    EXPECT_EQ(expectOk(docxParagraphs(bytes)), std::vector<std::string>{"strict"});
}

TEST(Docx, DamagedOrForeignFilesAreRefusedClearly)
{
    EXPECT_EQ(docxParagraphs("Maya: not a Word document").error().message,
              "the file is not a Word document (.docx)");
    const std::string truncated = docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>").substr(0, 60);
    EXPECT_EQ(docxParagraphs(truncated).error().message.rfind("the Word document is damaged (", 0),
              0U)
        << docxParagraphs(truncated).error().message;
    EXPECT_EQ(
        docxParagraphs(makeDocx({{"_rels/.rels", kRels}, {"notes.txt", "hi"}})).error().message,
        "the Word document has no part 'word/document.xml'; is it a Word document?");
    const auto badXml =
        makeDocx({{"_rels/.rels", kRels}, {"word/document.xml", "<w:document><w:body><w:p>"}});
    EXPECT_EQ(docxParagraphs(badXml).error().message.rfind(
                  "the Word document's word/document.xml is not valid XML (", 0),
              0U)
        << docxParagraphs(badXml).error().message;
    for (const auto &message :
         {docxParagraphs(truncated).error().code, docxParagraphs(badXml).error().code})
        EXPECT_EQ(message, ErrorCode::BadInput);
}

} // namespace jtbd
