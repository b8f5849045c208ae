// CSV reading and participants from a spreadsheet.
#include "test_support.h"

#include <jtbd/csv.h>

#include <gtest/gtest.h>

namespace jtbd {

using namespace test;

TEST(Csv, QuotedFieldsHoldDelimitersQuotesAndLineBreaks)
{
    const auto table = expectOk(parseCsv("code,notes,city\r\n"
                                         "P01,\"Said \"\"never again\"\", twice\",Leeds\r\n"
                                         "P02,\"line one\nline two\",\r\n"
                                         "\r\n"));
    EXPECT_EQ(table.header, (std::vector<std::string>{"code", "notes", "city"}));
    ASSERT_EQ(table.rows.size(), 2U);
    EXPECT_EQ(table.rows[0],
              (std::vector<std::string>{"P01", "Said \"never again\", twice", "Leeds"}));
    EXPECT_EQ(table.rows[1], (std::vector<std::string>{"P02", "line one\nline two", ""}));
    EXPECT_EQ(table.rowLines, (std::vector<std::size_t>{2, 3}));
}

TEST(Csv, SemicolonsAndTabsAsSpreadsheetsWriteThem)
{
    auto semicolons = expectOk(parseCsv("code;city;notes\nP01;Köln;\"a, b\"\n"));
    EXPECT_EQ(semicolons.delimiter, ';');
    EXPECT_EQ(semicolons.rows[0], (std::vector<std::string>{"P01", "Köln", "a, b"}));
    auto tabs = expectOk(parseCsv("code\tcity\nP01\tLeeds"));
    EXPECT_EQ(tabs.delimiter, '\t');
    EXPECT_EQ(tabs.rows[0], (std::vector<std::string>{"P01", "Leeds"}));
}

TEST(Csv, ErrorsNameTheLine)
{
    EXPECT_EQ(parseCsv("code,notes\nP01,\"open\nP02,x\n").error().message,
              "line 2: a quoted field is not closed");
    EXPECT_EQ(parseCsv("code,notes\nP01,\"done\" late\n").error().message,
              "line 2: text after the closing quote of a field");
    EXPECT_EQ(parseCsv("code,notes\nP01,a\"b\n").error().message,
              "line 2: a quote inside a field that does not start with one; write \"\" for a quote "
              "inside a quoted field");
    EXPECT_EQ(parseCsv("code,notes\nP01\n").error().message,
              "line 2: 1 field, but the header has 2");
    EXPECT_EQ(parseCsv("").error().message, "the file is empty: expected a header row");
}

class ParticipantsCsv : public ::testing::Test
{
protected:
    TempDir dir;
    SmallStudy small = makeSmallStudy(dir / "s.jtbd");
};

TEST_F(ParticipantsCsv, AddsNewAndUpdatesExistingByCode)
{
    Participant before = *expectOk(small.study.findParticipant("P01"));
    before.attributes = {{"region", "Leeds"}, {"plan", "£12"}};
    expectOk(small.study.updateParticipant(before));
    const auto result =
        expectOk(importParticipants(small.study,
                                    "\xEF\xBB\xBF"
                                    "Code,Pseudonym,Switch Date,Consent,region,team size\n"
                                    "P01,,2026-08-10,yes,\"Leeds, West Yorkshire\",1\n"
                                    "P02,Asha,2026-07,no,Leicester,\n",
                                    "people.csv"));
    EXPECT_EQ(result.added, 1);
    EXPECT_EQ(result.updated, 1);
    const Participant p1 = *expectOk(small.study.findParticipant("P01"));
    EXPECT_EQ(p1.name, "Hannah Price"); // no column: kept
    EXPECT_EQ(p1.pseudonym, "Robin");   // empty cell: kept
    EXPECT_EQ(p1.switchDate, "2026-08-10");
    EXPECT_EQ(p1.consent, Consent::Given);
    EXPECT_EQ(p1.attributes,
              (std::vector<Attribute>{
                  {"region", "Leeds, West Yorkshire"}, {"plan", "£12"}, {"team size", "1"}}));
    const Participant p2 = *expectOk(small.study.findParticipant("P02"));
    EXPECT_EQ(p2.pseudonym, "Asha");
    EXPECT_EQ(p2.consent, Consent::Declined);
    EXPECT_EQ(p2.attributes, (std::vector<Attribute>{{"region", "Leicester"}}));
}

TEST_F(ParticipantsCsv, ABadRowMeansNoChangeAndSaysWhere)
{
    const std::string good = "code,region\nP02,Leicester\nP03,Cardiff\n";

    struct Case
    {
        std::string csv;
        std::string message;
    };

    for (const auto &[csv, message] : std::vector<Case>{
             {"region\nLeeds\n",
              "people.csv: line 1: no 'code' column; the participant code (P01…) is how rows are "
              "matched"},
             {good + ",Leeds\n", "people.csv: line 4: the participant code is empty"},
             {good + "P02,Derby\n", "people.csv: line 4: participant P02 is on line 2 too"},
             {"code,switch date\nP02,2026-02\nP03,last spring\n",
              "people.csv: line 3: switch date 'last spring' is not a date (YYYY-MM-DD, YYYY-MM or "
              "YYYY)"},
             {"code,consent\nP02,maybe\n",
              "people.csv: line 2: consent 'maybe' is not given, declined or unknown (or yes/no)"},
             {"code,region\nP02,\"Leeds\n", "people.csv: line 2: a quoted field is not closed"},
             {"code,region\nP02,caf\xE9\n",
              "people.csv: line 2: the file is not UTF-8; save it as \"CSV UTF-8\""},
         }) {
        auto imported = importParticipants(small.study, csv, "people.csv");
        ASSERT_FALSE(imported) << csv;
        EXPECT_EQ(imported.error().code, ErrorCode::BadInput);
        EXPECT_EQ(imported.error().message, message);
        EXPECT_EQ(expectOk(small.study.participants()).size(), 1U) << csv;
    }
}

} // namespace jtbd
