// A .docx is a ZIP of XML parts (Office Open XML); the transcript is the main part's paragraphs.
#include "docx_transcript.h"

#include <jtbd/docx.h>
#include <jtbd/text.h>

#include <algorithm>
#include <memory>
#include <pugixml.hpp>
#include <regex>

#include <zip.h>

namespace jtbd {

namespace {

// No transcript's document part comes near this; a larger one is a damaged or hostile file.
constexpr zip_uint64_t kMaxPartSize = 256ULL * 1024 * 1024;

struct ZipCloser
{
    void operator()(zip_t *archive) const { zip_discard(archive); }
};

using Archive = std::unique_ptr<zip_t, ZipCloser>;

Result<std::string> readPart(zip_t *archive, const std::string &name)
{
    const zip_int64_t index = zip_name_locate(archive, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0)
        return makeError(ErrorCode::NotFound, "the Word document has no part '" + name + "'");
    zip_stat_t stat;
    if (zip_stat_index(archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0
        || !(stat.valid & ZIP_STAT_SIZE))
        return makeError(ErrorCode::BadInput,
                         "the Word document's part '" + name + "' cannot be read");
    if (stat.size > kMaxPartSize)
        return makeError(ErrorCode::BadInput,
                         "the Word document's part '" + name + "' is too large to be a transcript");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> file(
        zip_fopen_index(archive, static_cast<zip_uint64_t>(index), 0), zip_fclose);
    if (!file)
        return makeError(ErrorCode::BadInput,
                         "the Word document's part '" + name
                             + "' cannot be opened: " + zip_strerror(archive));
    std::string content(stat.size, '\0');
    zip_uint64_t done = 0;
    while (done < stat.size) {
        const zip_int64_t n = zip_fread(file.get(), content.data() + done, stat.size - done);
        if (n <= 0)
            return makeError(ErrorCode::BadInput,
                             "the Word document's part '" + name + "' is damaged");
        done += static_cast<zip_uint64_t>(n);
    }
    return content;
}

std::string_view localName(const pugi::xml_node &node)
{
    std::string_view name = node.name();
    const auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// The main document part named by the package relationships (usually word/document.xml).
std::string mainPartName(zip_t *archive)
{
    auto rels = readPart(archive, "_rels/.rels");
    if (rels) {
        pugi::xml_document doc;
        if (doc.load_buffer(rels->data(), rels->size())) {
            for (const auto &rel : doc.document_element().children()) {
                const std::string_view type = rel.attribute("Type").value();
                if (type.size() >= 15 && type.substr(type.size() - 15) == "/officeDocument") {
                    std::string target = rel.attribute("Target").value();
                    if (!target.empty() && target.front() == '/')
                        target.erase(0, 1);
                    if (!target.empty())
                        return target;
                }
            }
        }
    }
    return "word/document.xml";
}

void appendRunText(const pugi::xml_node &node, std::string &text)
{
    for (const auto &child : node.children()) {
        const auto name = localName(child);
        if (name == "t") {
            text += child.text().get();
        } else if (name == "tab") {
            text += '\t';
        } else if (name == "br" || name == "cr") {
            text += '\n';
        } else if (name == "noBreakHyphen") {
            text += '-';
        } else if (name == "del" || name == "delText" || name == "instrText" || name == "rPr"
                   || name == "pPr") {
            // deleted text, field codes and formatting are not part of what was said
        } else {
            appendRunText(child, text); // runs, hyperlinks, insertions, smart tags, simple fields
        }
    }
}

void collectParagraphs(const pugi::xml_node &node, std::vector<std::string> &paragraphs)
{
    for (const auto &child : node.children()) {
        const auto name = localName(child);
        if (name == "p") {
            std::string text;
            appendRunText(child, text);
            paragraphs.push_back(std::move(text));
        } else if (name == "del" || name == "sectPr") {
            // a deleted paragraph, or the section's page settings
        } else {
            collectParagraphs(child, paragraphs); // tables, rows, cells, content controls
        }
    }
}

} // namespace

bool isZipArchive(std::string_view bytes)
{
    return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4);
}

Result<std::vector<std::string>> docxParagraphs(std::string_view bytes)
{
    if (!isZipArchive(bytes))
        return makeError(ErrorCode::BadInput, "the file is not a Word document (.docx)");
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!source) {
        zip_error_fini(&error);
        return makeError(ErrorCode::Internal, "cannot read the Word document into memory");
    }
    Archive archive(zip_open_from_source(source, ZIP_RDONLY, &error));
    if (!archive) {
        zip_source_free(source);
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        return makeError(ErrorCode::BadInput, "the Word document is damaged (" + reason + ")");
    }
    zip_error_fini(&error);
    const std::string partName = mainPartName(archive.get());
    auto part = readPart(archive.get(), partName);
    if (!part)
        return makeError(ErrorCode::BadInput, part.error().message + "; is it a Word document?");
    pugi::xml_document doc;
    const auto parsed =
        doc.load_buffer(part->data(), part->size(), pugi::parse_default | pugi::parse_ws_pcdata);
    if (!parsed)
        return makeError(ErrorCode::BadInput,
                         "the Word document's " + partName + " is not valid XML ("
                             + parsed.description() + " at byte " + std::to_string(parsed.offset)
                             + ")");
    pugi::xml_node body;
    for (const auto &child : doc.document_element().children()) {
        if (localName(child) == "body")
            body = child;
    }
    if (!body)
        return makeError(ErrorCode::BadInput, "the Word document's " + partName + " has no body");
    std::vector<std::string> paragraphs;
    collectParagraphs(body, paragraphs);
    return paragraphs;
}

// The text layouts of Word exports.

namespace {

// "0:0:0.0 --> 0:0:1.510" at the start of a paragraph: Teams' legacy cue layout.
const std::regex kCueTiming(R"(^\s*\d{1,2}:\d{1,2}:\d{1,2}[.,]\d{1,3}\s*-->)");
// "Speaker Name   0:03" or "Speaker Name 1:02:03": a turn's header line.
const std::regex kHeader(R"(^(.*\S)\s+(\d{1,2}:\d{2}(?::\d{2})?)\s*$)");

std::string plural(std::size_t n, const char *one, const char *many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

DocxTranscriptText docxTranscriptText(const std::vector<std::string> &paragraphs)
{
    DocxTranscriptText out;
    const bool cues = std::any_of(paragraphs.begin(), paragraphs.end(), [](const std::string &p) {
        return std::regex_search(p, kCueTiming);
    });
    if (cues) {
        out.format = "vtt";
        out.text = "WEBVTT\n\n";
        std::size_t skipped = 0;
        for (const auto &paragraph : paragraphs) {
            if (!std::regex_search(paragraph, kCueTiming)) {
                skipped += trim(paragraph).empty() ? 0 : 1;
                continue;
            }
            // Timing, then the speaker, then what they said, separated by soft line breaks.
            std::vector<std::string> lines;
            std::size_t from = 0;
            while (from <= paragraph.size()) {
                const auto to = paragraph.find('\n', from);
                lines.emplace_back(trim(paragraph.substr(
                    from, to == std::string::npos ? std::string::npos : to - from)));
                if (to == std::string::npos)
                    break;
                from = to + 1;
            }
            out.text += lines[0] + "\n";
            if (lines.size() >= 3) {
                out.text += "<v " + lines[1] + ">";
                for (std::size_t i = 2; i < lines.size(); ++i)
                    out.text += (i > 2 ? " " : "") + lines[i];
                out.text += "</v>";
            } else if (lines.size() == 2) {
                out.text += lines[1];
            }
            out.text += "\n\n";
        }
        if (skipped > 0)
            out.warnings.push_back("skipped " + plural(skipped, "paragraph", "paragraphs")
                                   + " outside the cues (the document's title)");
        return out;
    }

    out.format = "txt";
    std::vector<bool> isHeader;
    for (const auto &paragraph : paragraphs)
        isHeader.push_back(paragraph.find('\n') == std::string::npos
                           && std::regex_match(paragraph, kHeader));
    const auto firstHeader = std::find(isHeader.begin(), isHeader.end(), true);
    std::size_t start = 0;
    if (firstHeader != isHeader.end()) {
        start = static_cast<std::size_t>(firstHeader - isHeader.begin());
        std::size_t preamble = 0;
        for (std::size_t i = 0; i < start; ++i)
            preamble += trim(paragraphs[i]).empty() ? 0 : 1;
        if (preamble > 0)
            out.warnings.push_back(
                "skipped " + plural(preamble, "line", "lines")
                + " before the first speaker (the document's title, date and length)");
    }
    for (std::size_t i = start; i < paragraphs.size(); ++i) {
        if (isHeader[i]) {
            // Each turn starts a block of its own, with the header in the form the text parser
            // reads.
            std::smatch m;
            std::regex_match(paragraphs[i], m, kHeader);
            if (!out.text.empty() && out.text.substr(out.text.size() - 2) != "\n\n")
                out.text += "\n";
            out.text += m[1].str() + "  " + m[2].str() + "\n";
        } else {
            out.text += paragraphs[i] + "\n";
        }
    }
    return out;
}

} // namespace jtbd
