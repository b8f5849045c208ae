// The PDF report: a valid PDF (qpdf), its text as a reader's tool sees it (pdftotext), embedded
// fonts, contents that point at the right pages, redaction, the job filter, nothing beyond the
// margins (rendered pages and word boxes), every script, long quotes, and files written whole or
// not at all.
#include "test_support.h"

#include <jtbd/export.h>
#include <jtbd/sample.h>
#include <jtbd/study.h>

#include <QChar>
#include <QRegularExpression>
#include <QString>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <report/forces_diagram.h>
#include <report/pdf_report.h>
#include <sys/resource.h>
#include <sys/wait.h>

namespace jtbd::test {
namespace {

namespace fs = std::filesystem;

// A4 in points and the report's margins: the text column, and the running header and footer.
constexpr double kPageWidth = 595.276;
constexpr double kPageHeight = 841.89;
constexpr double kMarginX = 56;
constexpr double kChromeTop = 30;    // the running header starts below this
constexpr double kChromeBottom = 30; // the footer ends above this, from the page's bottom

struct ToolRun
{
    int status = -1;
    std::string out;
};

std::string quoteArg(const std::string &arg)
{
    std::string q = "'";
    for (char c : arg)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

ToolRun run(const std::string &command)
{
    ToolRun result;
    FILE *pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return result;
    char buffer[65536];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        result.out.append(buffer, n);
    const int status = pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string pdfText(const fs::path &pdf, int first = 0, int last = 0, const std::string &extra = {})
{
    std::string command = "pdftotext -enc UTF-8 " + extra;
    if (first > 0)
        command += " -f " + std::to_string(first) + " -l " + std::to_string(last);
    command += " " + quoteArg(pdf.string()) + " -";
    const ToolRun r = run(command);
    EXPECT_EQ(r.status, 0) << command << "\n" << r.out;
    return r.out;
}

// The text of the pages' text column only, without the running header and footer, so a quote
// that goes on over a page break reads as one.
std::string bodyText(const fs::path &pdf)
{
    return pdfText(pdf, 0, 0, "-r 72 -x 0 -y 60 -W 596 -H 725");
}

int pageCount(const fs::path &pdf)
{
    const ToolRun r = run("pdfinfo " + quoteArg(pdf.string()));
    const QRegularExpression pages(QStringLiteral("Pages:\\s+(\\d+)"));
    const auto match = pages.match(QString::fromStdString(r.out));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// The letters and digits of a text, so a quote wrapped over lines and pages still matches and
// punctuation around right-to-left text may come in either order; in compatibility form, as
// the ligature "ﬁ", Arabic presentation forms and CJK radicals a PDF's text may hold are the
// letters a reader sees.
QString squeezed(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text.normalized(QString::NormalizationForm_KC))
        if (c.isLetterOrNumber() || c.isMark() || c.isHighSurrogate() || c.isLowSurrogate())
            out += c;
    return out;
}

QString squeezed(const std::string &utf8)
{
    return squeezed(QString::fromStdString(utf8));
}

bool containsText(const QString &haystack, const std::string &needle)
{
    return haystack.contains(squeezed(needle));
}

// `word` in `text` as a whole word (no letter or digit on either side).
bool containsWord(const QString &text, const QString &word, Qt::CaseSensitivity cs)
{
    qsizetype from = 0;
    for (;;) {
        const qsizetype at = text.indexOf(word, from, cs);
        if (at < 0)
            return false;
        const qsizetype end = at + word.size();
        const bool before = at == 0 || !text.at(at - 1).isLetterOrNumber();
        const bool after = end >= text.size() || !text.at(end).isLetterOrNumber();
        if (before && after)
            return true;
        from = at + 1;
    }
}

// Every quote a job's section shows.
std::vector<const ReportQuote *> chosenQuotes(const ReportJob &job)
{
    std::vector<const ReportQuote *> out;
    for (const ReportForce &force : job.forces)
        for (const ReportQuote &quote : force.quotes)
            out.push_back(&quote);
    for (const auto *list :
         {&job.hireCriteria, &job.fireCriteria, &job.alternatives, &job.desiredOutcomes})
        for (const ReportQuote &quote : *list)
            out.push_back(&quote);
    for (const ReportTrigger &trigger : job.triggers)
        if (trigger.quote)
            out.push_back(&*trigger.quote);
    return out;
}

struct Pgm
{
    int width = 0;
    int height = 0;
    std::string pixels;

    unsigned char at(int x, int y) const
    {
        return static_cast<unsigned char>(
            pixels.at(static_cast<std::size_t>(y) * static_cast<std::size_t>(width)
                      + static_cast<std::size_t>(x)));
    }
};

Pgm readPgm(const fs::path &file)
{
    const std::string bytes = readBytes(file);
    Pgm pgm;
    std::size_t pos = 0;
    auto token = [&] {
        while (pos < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[pos])))
            ++pos;
        const std::size_t start = pos;
        while (pos < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[pos])))
            ++pos;
        return bytes.substr(start, pos - start);
    };
    if (token() != "P5")
        return pgm;
    pgm.width = std::stoi(token());
    pgm.height = std::stoi(token());
    token(); // maximum value
    ++pos;   // the single whitespace before the pixels
    pgm.pixels = bytes.substr(pos);
    if (pgm.pixels.size()
        < static_cast<std::size_t>(pgm.width) * static_cast<std::size_t>(pgm.height))
        pgm.width = pgm.height = 0;
    return pgm;
}

// Renders every page at 50 dpi in grey and returns the pages with ink in the outer 20 points.
std::vector<std::string> pagesWithInkAtTheEdges(const fs::path &pdf, const fs::path &folder)
{
    fs::create_directories(folder);
    const ToolRun r = run("pdftoppm -r 50 -gray " + quoteArg(pdf.string()) + " "
                          + quoteArg((folder / "page").string()));
    EXPECT_EQ(r.status, 0) << r.out;
    std::vector<std::string> failures;
    int pages = 0;
    for (const auto &entry : fs::directory_iterator(folder)) {
        const Pgm pgm = readPgm(entry.path());
        ++pages;
        if (pgm.width == 0) {
            failures.push_back(entry.path().filename().string() + ": not a PGM");
            continue;
        }
        const int band = static_cast<int>(20.0 * 50.0 / 72.0); // 20 points in pixels
        for (int y = 0; y < pgm.height; ++y)
            for (int x = 0; x < pgm.width; ++x) {
                const bool edge =
                    x < band || y < band || x >= pgm.width - band || y >= pgm.height - band;
                if (edge && pgm.at(x, y) < 250) {
                    failures.push_back(entry.path().filename().string() + " at " + std::to_string(x)
                                       + "," + std::to_string(y));
                    x = pgm.width;
                    y = pgm.height;
                }
            }
    }
    EXPECT_GT(pages, 0);
    return failures;
}

// The words pdftotext finds outside the text column (with the header and footer zone above
// and below it), as "page N: word (x0, y0, x1, y1)".
std::vector<std::string> wordsOutsideTheMargins(const fs::path &pdf)
{
    const QString html = QString::fromStdString(pdfText(pdf, 0, 0, "-bbox"));
    const QRegularExpression wordRe(
        QStringLiteral("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" "
                       "yMax=\"([\\d.]+)\">([^<]*)</word>"));
    std::vector<std::string> outside;
    int page = 0;
    const auto pages = html.split(QStringLiteral("<page "));
    for (const QString &chunk : pages) {
        if (!chunk.startsWith(QStringLiteral("width")))
            continue;
        ++page;
        auto it = wordRe.globalMatch(chunk);
        while (it.hasNext()) {
            const auto m = it.next();
            const double x0 = m.captured(1).toDouble();
            const double y0 = m.captured(2).toDouble();
            const double x1 = m.captured(3).toDouble();
            const double y1 = m.captured(4).toDouble();
            const double slack = 0.75;
            if (x0 < kMarginX - slack || x1 > kPageWidth - kMarginX + slack || y0 < kChromeTop
                || y1 > kPageHeight - kChromeBottom)
                outside.push_back("page " + std::to_string(page) + ": "
                                  + m.captured(5).toStdString() + " (" + std::to_string(x0) + ", "
                                  + std::to_string(y0) + ", " + std::to_string(x1) + ", "
                                  + std::to_string(y1) + ")");
        }
    }
    EXPECT_GT(page, 0);
    return outside;
}

std::size_t filesIn(const fs::path &folder)
{
    std::size_t n = 0;
    for ([[maybe_unused]] const auto &entry : fs::directory_iterator(folder))
        ++n;
    return n;
}

QString toQ(const fs::path &path)
{
    return QString::fromStdString(path.string());
}

// The sample study, its report content and its PDF, made once for the tests that only read them.
struct SampleReport
{
    TempDir dir;
    Study study;
    ReportContent content;
    fs::path pdf;
    QString text; // squeezed, the text column only
    QString full; // squeezed, with the running header and footer

    SampleReport()
        : study(expectOk(createSampleStudy(dir / "sample.jtbd"), "sample"))
        , content(expectOk(loadReportContent(study, {}), "content"))
        , pdf(dir / "report.pdf")
    {
        expectOk(report::writePdfReport(content, toQ(pdf)), "report");
        text = squeezed(bodyText(pdf));
        full = squeezed(pdfText(pdf));
    }

    static SampleReport &get()
    {
        static SampleReport sample;
        return sample;
    }
};

TEST(PdfReport, TheSampleReportIsAValidPdfWithEmbeddedFonts)
{
    const SampleReport &s = SampleReport::get();
    const ToolRun check = run("qpdf --check " + quoteArg(s.pdf.string()));
    EXPECT_EQ(check.status, 0) << check.out;

    const ToolRun fonts = run("pdffonts " + quoteArg(s.pdf.string()));
    ASSERT_EQ(fonts.status, 0) << fonts.out;
    // name type encoding emb sub uni object ID: "emb" is the fourth column from the right.
    int listed = 0;
    std::istringstream lines(fonts.out);
    std::string line;
    int row = 0;
    while (std::getline(lines, line)) {
        if (++row <= 2 || line.empty())
            continue;
        std::istringstream words(line);
        std::vector<std::string> fields;
        for (std::string w; words >> w;)
            fields.push_back(w);
        ASSERT_GE(fields.size(), 6U) << line;
        EXPECT_EQ(fields.at(fields.size() - 5), "yes") << "not embedded: " << line;
        ++listed;
    }
    EXPECT_GT(listed, 0);

    const ToolRun info = run("pdfinfo " + quoteArg(s.pdf.string()));
    EXPECT_NE(info.out.find("Tallybird switch interviews"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("JTBD Workbench"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("(A4)"), std::string::npos) << info.out;
}

TEST(PdfReport, HoldsEveryJobStoryAndEveryChosenQuote)
{
    const SampleReport &s = SampleReport::get();
    ASSERT_EQ(s.content.jobs.size(), 3U);
    for (const char *heading : {"Contents",
                                "How this report was made",
                                "Strongest quotes",
                                "Triggers along the timeline",
                                "Hire criteria",
                                "Fire criteria",
                                "Alternatives considered",
                                "Desired outcomes",
                                "Participants",
                                "Interviews",
                                "Codebook"})
        EXPECT_TRUE(containsText(s.text, heading)) << heading;
    EXPECT_TRUE(containsText(s.text, s.content.info.name));
    std::size_t quotes = 0;
    for (const ReportJob &job : s.content.jobs) {
        ASSERT_FALSE(job.storyText.empty());
        EXPECT_TRUE(containsText(s.text, job.storyText)) << job.storyText;
        EXPECT_TRUE(containsText(s.text, job.job.name)) << job.job.name;
        EXPECT_TRUE(containsText(s.text, job.job.statement)) << job.job.statement;
        for (const ReportQuote *quote : chosenQuotes(job)) {
            EXPECT_TRUE(containsText(s.text, quote->text)) << quote->text;
            ++quotes;
        }
    }
    EXPECT_GT(quotes, 30U);
    for (const ReportParticipant &p : s.content.participants)
        EXPECT_TRUE(containsText(s.text, p.pseudonym)) << p.pseudonym;
    for (const ReportCode &code : s.content.codebook)
        EXPECT_TRUE(containsText(s.text, code.key)) << code.key;
    const int pages = pageCount(s.pdf);
    EXPECT_TRUE(containsText(s.full, "Page 2 of " + std::to_string(pages)));
    EXPECT_TRUE(
        containsText(s.full, "Page " + std::to_string(pages) + " of " + std::to_string(pages)));
}

TEST(PdfReport, TheContentsPointAtEachJobsFirstPage)
{
    const SampleReport &s = SampleReport::get();
    const int pages = pageCount(s.pdf);
    const QString contents = QString::fromStdString(pdfText(s.pdf, 2, 2, "-layout"))
                                 .normalized(QString::NormalizationForm_KC);
    ASSERT_TRUE(contents.contains(QStringLiteral("Contents")));
    const auto jobs = static_cast<int>(s.content.jobs.size());
    int previous = 2;
    for (int i = 0; i < jobs; ++i) {
        const QString name =
            QString::fromStdString(s.content.jobs[static_cast<std::size_t>(i)].job.name);
        const QRegularExpression entry(QRegularExpression::escape(name)
                                           + QStringLiteral("\\s+(\\d+)\\s*$"),
                                       QRegularExpression::MultilineOption);
        const auto match = entry.match(contents);
        ASSERT_TRUE(match.hasMatch()) << name.toStdString() << "\n" << contents.toStdString();
        const int page = match.captured(1).toInt();
        EXPECT_GT(page, previous);
        EXPECT_LE(page, pages);
        previous = page;
        const QString onPage = squeezed(pdfText(s.pdf, page, page));
        EXPECT_TRUE(onPage.contains(squeezed(name)));
        // The job's opening label is on that page and not on the one before.
        const QString label = squeezed(QStringLiteral("JOB %1 OF %2").arg(i + 1).arg(jobs));
        EXPECT_TRUE(onPage.contains(label)) << page;
        EXPECT_FALSE(squeezed(pdfText(s.pdf, page - 1, page - 1)).contains(label));
    }
    for (const char *part : {"Participants", "Interviews", "Codebook"}) {
        const QRegularExpression entry(QString::fromLatin1(part)
                                           + QStringLiteral("\\s+(\\d+)\\s*$"),
                                       QRegularExpression::MultilineOption);
        const auto match = entry.match(contents);
        ASSERT_TRUE(match.hasMatch()) << part;
        const int page = match.captured(1).toInt();
        EXPECT_GT(page, previous);
        previous = page;
        EXPECT_TRUE(
            squeezed(pdfText(s.pdf, page, page)).contains(squeezed(QStringLiteral("APPENDIX"))));
    }
}

TEST(PdfReport, NothingIsDrawnBeyondTheMargins)
{
    const SampleReport &s = SampleReport::get();
    const auto inked = pagesWithInkAtTheEdges(s.pdf, s.dir / "pages");
    EXPECT_TRUE(inked.empty()) << inked.front();
    const auto outside = wordsOutsideTheMargins(s.pdf);
    EXPECT_TRUE(outside.empty()) << outside.size() << " words, the first: " << outside.front();
}

TEST(PdfReport, ARedactedReportHoldsNoRealName)
{
    const SampleReport &s = SampleReport::get();
    auto participants = expectOk(s.study.participants());
    ASSERT_FALSE(participants.empty());
    TempDir dir;
    ExportOptions options;
    options.redact = true;
    const auto content = expectOk(loadReportContent(s.study, options));
    expectOk(report::writePdfReport(content, toQ(dir / "redacted.pdf")));
    const QString redacted = QString::fromStdString(pdfText(dir / "redacted.pdf"))
                                 .normalized(QString::NormalizationForm_KC);
    const QString plain =
        QString::fromStdString(pdfText(s.pdf)).normalized(QString::NormalizationForm_KC);
    // Lines joined, so a name wrapped over two lines is still one.
    const QString folded = redacted.simplified();
    int namesInThePlainReport = 0;
    for (const Participant &p : participants) {
        ASSERT_FALSE(p.name.empty());
        const QString name = QString::fromStdString(p.name);
        EXPECT_FALSE(containsWord(folded, name, Qt::CaseInsensitive)) << p.name;
        for (const QString &part : name.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (part.size() < 2)
                continue;
            EXPECT_FALSE(containsWord(folded, part, Qt::CaseSensitive)) << part.toStdString();
            EXPECT_FALSE(containsWord(folded, part.toUpper(), Qt::CaseSensitive))
                << part.toStdString();
        }
        namesInThePlainReport += containsWord(plain.simplified(), name, Qt::CaseInsensitive);
    }
    EXPECT_GT(namesInThePlainReport, 0);
    EXPECT_TRUE(
        redacted.contains(QStringLiteral("Redacted: participants appear under pseudonyms")));
    // The pseudonyms stand in for them.
    EXPECT_TRUE(squeezed(redacted).contains(QStringLiteral("[Robin]"))
                || squeezed(redacted).contains(QStringLiteral("Robin")));
}

TEST(PdfReport, OnlyTheJobsAskedFor)
{
    const SampleReport &s = SampleReport::get();
    const ReportJob &second = s.content.jobs.at(1);
    TempDir dir;
    ExportOptions options;
    options.jobIds = {second.job.id};
    expectOk(report::writePdfReport(s.study, options, toQ(dir / "one.pdf")));
    const QString text = squeezed(bodyText(dir / "one.pdf"));
    EXPECT_TRUE(containsText(text, second.storyText));
    EXPECT_TRUE(text.contains(squeezed(QStringLiteral("JOB 1 OF 1"))));
    for (const ReportJob &other : {s.content.jobs.at(0), s.content.jobs.at(2)}) {
        EXPECT_FALSE(containsText(text, other.storyText)) << other.job.name;
        EXPECT_FALSE(containsText(text, other.job.statement)) << other.job.name;
    }
    EXPECT_LT(pageCount(dir / "one.pdf"), pageCount(s.pdf));
}

// ---- Reports built by hand -------------------------------------------------------------------

ReportQuote makeQuote(const std::string &text, const std::string &who, int intensity)
{
    ReportQuote quote;
    quote.highlightId = 1;
    quote.interviewId = 1;
    quote.text = text;
    quote.participantCode = "P0" + std::to_string(intensity);
    quote.participantPseudonym = who;
    quote.interviewTitle = who + ": the switch";
    quote.startMs = 754'000;
    quote.intensity = intensity;
    return quote;
}

std::string longQuote(std::size_t characters)
{
    static const char *words[] = {"invoice",
                                  "spreadsheet",
                                  "Friday",
                                  "overdraft",
                                  "brewery",
                                  "reminder",
                                  "chasing",
                                  "client",
                                  "afternoon",
                                  "calendar"};
    std::string out;
    std::size_t i = 0;
    while (out.size() < characters) {
        out += words[(i * 7 + i / 3) % 10];
        out += ++i % 13 == 0 ? ". " : " ";
    }
    out += "end-of-quote";
    return out;
}

ReportContent handMadeContent()
{
    ReportContent content;
    content.info.name = "Scripts and lengths";
    content.info.objectives = "See that every script and every length comes through whole.";
    content.generatedAt = "2026-11-02T14:05:00Z";
    content.firstInterview = "2026-09-14";
    content.lastInterview = "2026-10-30";
    content.interviewCount = 3;
    content.participantCount = 3;
    content.highlightCount = 9;
    ReportJob job;
    job.job.id = 7;
    job.job.name = "Keep the books in every language";
    job.job.statement = "Keep records in the language the business runs in";
    job.storyText = "When my clients write to me in Chinese and Arabic, I want to keep their "
                    "words as they wrote them, so I can answer them properly.";
    ReportStory story;
    story.interviewId = 1;
    story.interviewTitle = "Mei: bilingual invoices";
    story.participantCode = "P01";
    story.participantPseudonym = "Mei";
    story.conductedOn = "2026-09-14";
    job.stories.push_back(story);
    ReportForce &push = job.forces.at(static_cast<std::size_t>(Force::Push));
    push.tally = {3, 13};
    push.quotes = {
        makeQuote("会计软件让我很紧张，我怕数据丢失。每个月底我都要花两天时间核对账目。", "Mei", 5),
        makeQuote(longQuote(3000), "Sam", 4),
        makeQuote(
            "Honestly 😅 the spreadsheet 📊 was a nightmare 🔥 every single month.", "Robin", 4)};
    ReportForce &habit = job.forces.at(static_cast<std::size_t>(Force::Habit));
    habit.tally = {1, 3};
    habit.quotes = {
        makeQuote("كنت أستخدم الجدول لسنوات وكان كافيا ولم أفكر في التغيير أبدا.", "Layla", 3)};
    job.hireCriteria = {
        makeQuote("It had to read the Chinese names on the invoices correctly.", "Mei", 4)};
    content.jobs.push_back(job);
    for (int i = 1; i <= 3; ++i) {
        ReportParticipant p;
        p.id = i;
        p.code = "P0" + std::to_string(i);
        p.pseudonym = i == 1 ? "Mei" : i == 2 ? "Sam" : "Layla";
        p.attributes = {{"region", i == 1 ? "上海" : "Leeds"}};
        p.interviews = 1;
        content.participants.push_back(p);
    }
    ReportInterview interview;
    interview.id = 1;
    interview.title = "Mei: bilingual invoices";
    interview.participantCode = "P01";
    interview.participantPseudonym = "Mei";
    interview.conductedOn = "2026-09-14";
    interview.durationMs = 52 * 60'000;
    interview.highlights = 9;
    interview.jobIds = {7};
    content.interviews.push_back(interview);
    ReportCode code;
    code.key = "push";
    code.name = "Push of the situation";
    code.color = "#D9534F";
    code.usage = 3;
    content.codebook.push_back(code);
    return content;
}

TEST(PdfReport, AJobsDiagramShowsTheQuotesTheReportChose)
{
    const ReportContent content = handMadeContent();
    const ReportJob &job = content.jobs.front();
    const auto data =
        report::forcesDiagramData(job, QStringLiteral("Scripts"), Weighting::Intensity, 2);
    EXPECT_EQ(data.scope, Scope::job(7));
    EXPECT_EQ(data.title,
              QStringLiteral("Forces of progress \u2014 Job: Keep the books in every "
                             "language (1 story)"));
    EXPECT_EQ(data.studyName, QStringLiteral("Scripts"));
    EXPECT_EQ(data.toward(), 13);
    EXPECT_EQ(data.against(), 3);
    const auto &push = data[Force::Push];
    ASSERT_EQ(push.quotes.size(), 2U);
    EXPECT_EQ(push.more, 1);
    EXPECT_EQ(push.quotes[0].text, QString::fromStdString(job[Force::Push].quotes[0].text));
    EXPECT_EQ(push.quotes[0].who(), QStringLiteral("Mei (P05)"));
    EXPECT_EQ(push.quotes[0].intensity, 5);
    EXPECT_EQ(data[Force::Habit].quotes.size(), 1U);
    EXPECT_EQ(data[Force::Habit].more, 0);
    EXPECT_TRUE(data[Force::Pull].quotes.empty());

    const auto all = report::forcesDiagramData(job, QString(), Weighting::Count);
    EXPECT_EQ(all[Force::Push].quotes.size(), 3U);
    EXPECT_EQ(all[Force::Push].more, 0);
    EXPECT_EQ(all.toward(), 3);
}

TEST(PdfReport, EveryScriptAndALongQuoteComeThroughInsideTheMargins)
{
    TempDir dir;
    const ReportContent content = handMadeContent();
    expectOk(report::writePdfReport(content, toQ(dir / "scripts.pdf")));
    EXPECT_EQ(run("qpdf --check " + quoteArg((dir / "scripts.pdf").string())).status, 0);
    const QString text = squeezed(bodyText(dir / "scripts.pdf"));
    const ReportJob &job = content.jobs.front();
    EXPECT_TRUE(containsText(text, job.storyText));
    for (const ReportQuote *quote : chosenQuotes(job)) {
        if (quote->text.find("😅") != std::string::npos)
            continue; // checked word by word below
        EXPECT_TRUE(containsText(text, quote->text)) << quote->text;
    }
    // The emoji themselves may come out as pictures; the words around them must not be lost.
    for (const char *word : {"Honestly", "spreadsheet", "nightmare", "everysinglemonth"})
        EXPECT_TRUE(text.contains(QString::fromUtf8(word))) << word;
    EXPECT_TRUE(text.contains(QStringLiteral("上海")));

    const auto inked = pagesWithInkAtTheEdges(dir / "scripts.pdf", dir / "pages");
    EXPECT_TRUE(inked.empty()) << inked.front();
    const auto outside = wordsOutsideTheMargins(dir / "scripts.pdf");
    EXPECT_TRUE(outside.empty()) << outside.size() << " words, the first: " << outside.front();
}

TEST(PdfReport, AQuoteLongerThanAPageGoesOnOverTheNextByLines)
{
    TempDir dir;
    ReportContent content = handMadeContent();
    ReportForce &pull = content.jobs.front().forces.at(static_cast<std::size_t>(Force::Pull));
    pull.tally = {1, 5};
    pull.quotes = {makeQuote(longQuote(12'000), "Sam", 5)};
    expectOk(report::writePdfReport(content, toQ(dir / "long.pdf")));
    const QString text = squeezed(bodyText(dir / "long.pdf"));
    EXPECT_TRUE(containsText(text, pull.quotes.front().text));
    const auto outside = wordsOutsideTheMargins(dir / "long.pdf");
    EXPECT_TRUE(outside.empty()) << outside.size() << " words, the first: " << outside.front();
    const auto inked = pagesWithInkAtTheEdges(dir / "long.pdf", dir / "pages");
    EXPECT_TRUE(inked.empty()) << inked.front();
    // The quote starts on one page and ends on a later one.
    int startPage = 0;
    int endPage = 0;
    const int pages = pageCount(dir / "long.pdf");
    for (int page = 1; page <= pages; ++page) {
        const std::string onPage = pdfText(dir / "long.pdf", page, page);
        if (startPage == 0
            && onPage.find("\u201C" + pull.quotes.front().text.substr(0, 20)) != std::string::npos)
            startPage = page;
        if (onPage.find("end-of-quote") != std::string::npos)
            endPage = page;
    }
    EXPECT_GT(startPage, 0);
    EXPECT_GT(endPage, startPage);
}

TEST(PdfReport, ATableRepeatsItsHeaderOnEveryPage)
{
    TempDir dir;
    ReportContent content = handMadeContent();
    content.participants.clear();
    for (int i = 1; i <= 160; ++i) {
        ReportParticipant p;
        p.id = i;
        p.code = "P" + std::to_string(1000 + i);
        p.pseudonym = "Person " + std::to_string(i);
        p.attributes = {{"region", "Yorkshire"}, {"business", "Sole trader"}};
        content.participants.push_back(p);
    }
    content.participantCount = 160;
    expectOk(report::writePdfReport(content, toQ(dir / "table.pdf")));
    const int pages = pageCount(dir / "table.pdf");
    int tablePages = 0;
    for (int page = 1; page <= pages; ++page) {
        const QString onPage = QString::fromStdString(pdfText(dir / "table.pdf", page, page));
        if (!onPage.contains(QStringLiteral("P1")) || !onPage.contains(QStringLiteral("Person ")))
            continue;
        ++tablePages;
        EXPECT_TRUE(onPage.contains(QStringLiteral("PSEUDONYM"))) << "page " << page;
        EXPECT_TRUE(onPage.contains(QStringLiteral("ATTRIBUTES"))) << "page " << page;
    }
    EXPECT_GE(tablePages, 3);
    const QString text = squeezed(pdfText(dir / "table.pdf"));
    for (int i = 1; i <= 160; ++i)
        EXPECT_TRUE(text.contains(QStringLiteral("P%1").arg(1000 + i))) << i;
    const auto outside = wordsOutsideTheMargins(dir / "table.pdf");
    EXPECT_TRUE(outside.empty()) << outside.front();
}

TEST(PdfReport, EmptySectionsSaySoAndAStudyWithoutJobsStillGetsAReport)
{
    TempDir dir;
    ReportContent content = handMadeContent();
    ReportJob bare;
    bare.job.id = 8;
    bare.job.name = "A job with nothing yet";
    content.jobs.push_back(bare);
    expectOk(report::writePdfReport(content, toQ(dir / "empty.pdf")));
    const QString text = squeezed(pdfText(dir / "empty.pdf"));
    EXPECT_TRUE(containsText(text, "No triggers were recorded for these stories."));
    EXPECT_TRUE(containsText(text, "No job story is written for this job yet."));
    EXPECT_TRUE(containsText(text, "No fire criteria were tagged in these stories."));

    content.jobs.clear();
    expectOk(report::writePdfReport(content, toQ(dir / "nojobs.pdf")));
    EXPECT_EQ(run("qpdf --check " + quoteArg((dir / "nojobs.pdf").string())).status, 0);
    const QString none = squeezed(pdfText(dir / "nojobs.pdf"));
    EXPECT_TRUE(containsText(none, "No jobs are written for this study yet."));
    EXPECT_TRUE(containsText(none, "How this report was made"));
    EXPECT_TRUE(containsText(none, "Codebook"));
    EXPECT_FALSE(containsText(none, "Strongest quotes"));
}

TEST(PdfReport, CancellingLeavesNothing)
{
    TempDir dir;
    const auto target = dir / "report.pdf";
    std::vector<std::pair<int, int>> calls;
    const Status cancelled =
        report::writePdfReport(handMadeContent(), toQ(target), [&](int done, int total) {
            calls.emplace_back(done, total);
            return done < 2;
        });
    ASSERT_FALSE(cancelled);
    EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);
    EXPECT_NE(cancelled.error().message.find(target.string()), std::string::npos);
    EXPECT_EQ(filesIn(dir.path()), 0U);
    ASSERT_EQ(calls.size(), 3U);
    EXPECT_EQ(calls.back().first, 2);
    EXPECT_GT(calls.back().second, 2);

    // An existing file is replaced only by a whole report.
    writeBytes(target, "the previous report");
    EXPECT_FALSE(report::writePdfReport(handMadeContent(), toQ(target), [](int done, int) {
        return done < 3;
    }));
    EXPECT_EQ(readBytes(target), "the previous report");
    EXPECT_EQ(filesIn(dir.path()), 1U);
    int last = -1;
    int total = 0;
    expectOk(report::writePdfReport(handMadeContent(), toQ(target), [&](int done, int all) {
        EXPECT_GE(done, last);
        last = done;
        total = all;
        return true;
    }));
    EXPECT_EQ(last, total);
    EXPECT_EQ(readBytes(target).substr(0, 5), "%PDF-");
    EXPECT_EQ(pageCount(target), total);
    EXPECT_EQ(filesIn(dir.path()), 1U);
}

TEST(PdfReport, AnUnwritablePlaceIsAnErrorNamingItAndLeavesNothing)
{
    TempDir dir;
    const auto missing = dir / "no such folder" / "report.pdf";
    const Status status = report::writePdfReport(handMadeContent(), toQ(missing));
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::Io);
    EXPECT_NE(status.error().message.find(missing.string()), std::string::npos)
        << status.error().message;
    EXPECT_EQ(filesIn(dir.path()), 0U);

    fs::create_directory(dir / "taken.pdf");
    const Status taken = report::writePdfReport(handMadeContent(), toQ(dir / "taken.pdf"));
    ASSERT_FALSE(taken);
    EXPECT_NE(taken.error().message.find("taken.pdf"), std::string::npos);
    EXPECT_TRUE(fs::is_directory(dir / "taken.pdf"));
    EXPECT_EQ(filesIn(dir.path()), 1U);
}

TEST(PdfReport, AFullDiskIsSaidSoAndKeepsThePreviousReport)
{
    TempDir dir;
    const auto target = dir / "report.pdf";
    writeBytes(target, "the previous report");
    // A file-size limit stands in for a full disk: writes past it fail like ENOSPC. Only the soft
    // limit is lowered, and put back before anything else is written.
    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 16 * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const Status status = report::writePdfReport(handMadeContent(), toQ(target));
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::DiskFull) << status.error().message;
    EXPECT_NE(status.error().message.find(target.string()), std::string::npos);
    EXPECT_EQ(readBytes(target), "the previous report");
    EXPECT_EQ(filesIn(dir.path()), 1U);
}

} // namespace
} // namespace jtbd::test
