// Reading the text of Word documents (.docx), as Teams, Otter, Rev and Google Meet export
// transcripts.
#pragma once

#include <jtbd/result.h>

#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

// True when the bytes are a ZIP archive (every .docx is one).
bool isZipArchive(std::string_view bytes);

// The paragraphs of the document's body in order, as text: runs joined, tabs as "\t", line breaks
// within a paragraph as "\n", table cells as paragraphs of their own. Deleted tracked changes and
// field codes are left out. The main part is found through the package relationships, not by name.
Result<std::vector<std::string>> docxParagraphs(std::string_view bytes);

} // namespace jtbd
