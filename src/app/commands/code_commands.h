// Undoable edits of the codebook: adding, renaming, recolouring, nesting, shortcuts, merging and
// deleting codes, with the checks that refuse an edit before anything is written.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>

#include <QString>

#include <app/commands/study_command.h>
#include <memory>
#include <optional>

namespace jtbd {
class Study;
}

namespace jtbd::app {

using CodeCommand = CommandResult;

// The shortcut as it is stored: Qt's portable key-sequence text ("P", "Ctrl+Shift+K"), or empty.
// nullopt when `text` is not a key sequence.
std::optional<QString> normalizedShortcut(const QString &text);

// Refused: a shortcut that is not a key, that another code uses (the message names it), or one of
// the force keys 1–4 on a code that is not that force.
Status checkShortcut(const Study &study, Id codeId, const QString &shortcut);
// Refused: nesting a built-in code, nesting a code under itself or one of its own sub-codes, or
// under a code that does not exist. `parentId` empty means the top of the custom codes.
Status checkParent(const Study &study, Id codeId, std::optional<Id> parentId);
// Refused: merging a built-in code away, a code into itself or into one of its own sub-codes.
Status checkMerge(const Study &study, Id from, Id into);

// `code.name`, `color`, `parentId`, `shortcut` and `description` are used; the key is derived from
// the name. The command is an AddCommand<Code>: its addedId() is the new code's id once applied.
CodeCommand addCodeCommand(const Study &study, const Code &code);
CodeCommand renameCodeCommand(const Study &study, Id codeId, const QString &name);
CodeCommand recolorCodeCommand(const Study &study, Id codeId, const QString &color); // #RRGGBB
CodeCommand describeCodeCommand(const Study &study, Id codeId, const QString &description);
// Moves a custom code under `parentId` (or to the top of the custom codes), last among its new
// siblings.
CodeCommand nestCodeCommand(const Study &study, Id codeId, std::optional<Id> parentId);
// An empty shortcut clears it.
CodeCommand shortcutCommand(const Study &study, Id codeId, const QString &shortcut);
// Every highlight of `from` gets `into`, `from`'s sub-codes move under `into`, `from` goes.
// Undo brings `from` back under its id with its sub-codes and every highlight's codes as they were.
CodeCommand mergeCodeCommand(const Study &study, Id from, Id into);
// Highlights keep everything but the code; sub-codes move up to the code's parent. Undo restores
// the code under its id, its sub-codes' parent and the highlights' codes.
CodeCommand deleteCodeCommand(const Study &study, Id codeId);

} // namespace jtbd::app
