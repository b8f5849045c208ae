// Word documents: the paragraphs of the main part, whatever the package looks like.
#include "test_support.h"

#include <jtbd/docx.h>
#include <jtbd/transcript.h>

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

namespace {

std::string paragraphs(const std::vector<std::string> &lines)
{
    std::string body;
    for (const auto &line : lines) {
        body += "<w:p>";
        std::size_t from = 0;
        // A line break inside a paragraph is a soft break, as Teams writes its cues.
        for (std::size_t to; (to = line.find('\n', from)) != std::string::npos; from = to + 1)
            body += "<w:r><w:t xml:space=\"preserve\">" + line.substr(from, to - from)
                    + "</w:t><w:br/></w:r>";
        body += "<w:r><w:t xml:space=\"preserve\">" + line.substr(from) + "</w:t></w:r></w:p>";
    }
    return docx(body);
}

ParsedTranscript parsedDocx(const std::vector<std::string> &lines)
{
    return expectOk(parseTranscript(paragraphs(lines), "auto", "t.docx"));
}

} // namespace

TEST(DocxTranscript, TeamsCurrentLayoutAfterItsTitle)
{
    const auto t = parsedDocx({"Weekly interview with Hannah",
                               "October 2, 2026, 10:03AM",
                               "52m 3s",
                               "Maya Okafor   0:03",
                               "Thanks for making time.",
                               "Hannah Price   0:09",
                               "Of course.",
                               "It was the brewery, really.",
                               "Maya Okafor   1:02:03",
                               "Go on."});
    EXPECT_EQ(t.format, "docx");
    ASSERT_EQ(t.turns.size(), 3U);
    EXPECT_EQ(t.turns[0].speaker, "Maya Okafor");
    EXPECT_EQ(t.turns[0].startMs, 3000);
    EXPECT_EQ(t.turns[0].text, "Thanks for making time.");
    EXPECT_EQ(t.turns[1].speaker, "Hannah Price");
    EXPECT_EQ(t.turns[1].startMs, 9000);
    EXPECT_NE(t.turns[1].text.find("Of course."), std::string::npos);
    EXPECT_NE(t.turns[1].text.find("It was the brewery, really."), std::string::npos);
    EXPECT_EQ(t.turns[2].startMs, 3723000);
    ASSERT_FALSE(t.warnings.empty());
    EXPECT_EQ(t.warnings[0],
              "skipped 3 lines before the first speaker (the document's title, date and length)");
}

TEST(DocxTranscript, OtterLayoutWithItsFooter)
{
    const auto t = parsedDocx({"Sidney  0:03",
                               "Thank you so much.",
                               "",
                               "Speaker 2  1:02:45",
                               "Bye.",
                               "",
                               "Transcribed by https://otter.ai"});
    ASSERT_EQ(t.turns.size(), 2U);
    EXPECT_EQ(t.turns[0],
              (TurnInput{"Sidney", SpeakerRole::Unknown, 3000, {}, "Thank you so much."}));
    EXPECT_EQ(t.turns[1], (TurnInput{"Speaker 2", SpeakerRole::Unknown, 3765000, {}, "Bye."}));
}

TEST(DocxTranscript, TeamsLegacyCuesBecomeTimedTurns)
{
    const auto t = parsedDocx({"Recorded meeting",
                               "0:0:0.0 --> 0:0:1.510\nMaya Okafor\nOK. Yeah.",
                               "0:0:1.600 --> 0:0:6.90\nHannah Price\nIt started in March.",
                               "0:0:7.0 --> 0:0:9.0\nHannah Price\nAt the kitchen table."});
    ASSERT_EQ(t.turns.size(), 2U);
    EXPECT_EQ(t.turns[0], (TurnInput{"Maya Okafor", SpeakerRole::Unknown, 0, 1510, "OK. Yeah."}));
    EXPECT_EQ(t.turns[1],
              (TurnInput{"Hannah Price",
                         SpeakerRole::Unknown,
                         1600,
                         9000,
                         "It started in March. At the kitchen table."}));
    EXPECT_EQ(t.warnings.front(), "skipped 1 paragraph outside the cues (the document's title)");
}

TEST(DocxTranscript, SpeakerColonParagraphs)
{
    const auto t = parsedDocx({"Maya: When did it start?", "", "Hannah: In March.", ""});
    ASSERT_EQ(t.turns.size(), 2U);
    EXPECT_EQ(t.turns[1], (TurnInput{"Hannah", SpeakerRole::Unknown, {}, {}, "In March."}));
}

TEST(DocxTranscript, ForcingTextOnAWordDocumentSaysWhatToDo)
{
    auto forced = parseTranscript(paragraphs({"Maya: Hi."}), "txt", "t.docx");
    ASSERT_FALSE(forced);
    EXPECT_EQ(forced.error().message,
              "t.docx: the file is a ZIP archive, not plain text; a Word document (.docx) is one: "
              "import it with "
              "--format auto or docx");
}

} // namespace jtbd
