// Undoable codebook edits.
#include "code_commands.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <QCoreApplication>
#include <QKeySequence>

#include <algorithm>
#include <app/logging.h>
#include <set>
#include <unordered_map>

namespace jtbd::app {

namespace {

// Beyond this many interviews a merge or delete announces Everything: one notification per
// interview would make every open view reload again and again.
constexpr std::size_t kMaxHighlightChanges = 16;

QString tr(const char *text)
{
    return QCoreApplication::translate("CodeCommands", text);
}

QString inQuotes(std::string_view name)
{
    return tr("“%1”").arg(toQString(name));
}

std::unique_ptr<StudyCommand> nothingToDo()
{
    return nullptr;
}

// Every code by id, to walk parent links without a query per step.
Result<std::unordered_map<Id, Code>> codesById(const Study &study)
{
    auto codes = study.codes();
    if (!codes)
        return codes.error();
    std::unordered_map<Id, Code> byId;
    for (auto &code : *codes)
        byId.emplace(code.id, std::move(code));
    return byId;
}

// The highlights that carry `codeId` itself (not only a code nested under it), as they are now.
Result<std::vector<Highlight>> highlightsWithCode(const Study &study, Id codeId)
{
    auto list = study.highlightsInScope(Scope::wholeStudy(), codeId);
    if (!list)
        return list.error();
    std::vector<Highlight> carrying;
    for (auto &h : *list) {
        if (std::find(h.codeIds.begin(), h.codeIds.end(), codeId) != h.codeIds.end())
            carrying.push_back(std::move(h));
    }
    return carrying;
}

std::vector<Change> changesFor(const std::vector<Highlight> &highlights)
{
    std::set<Id> interviews;
    for (const auto &h : highlights)
        interviews.insert(h.interviewId);
    if (interviews.size() > kMaxHighlightChanges)
        return {Change{Change::Kind::Everything, 0}};
    std::vector<Change> changes{Change{Change::Kind::Codes, 0}};
    for (Id id : interviews)
        changes.push_back(Change{Change::Kind::Highlights, id});
    return changes;
}

// A code taken out of the study by a merge or a delete, with what that changed, so that undo can
// put everything back.
struct RemovedCode
{
    Code code;                         // as it was
    std::vector<Code> children;        // its direct sub-codes as they were
    std::vector<Highlight> highlights; // every highlight that carried it, as it was
    Id liveId = 0;                     // the id it has in the study now
};

Result<std::shared_ptr<RemovedCode>> captureRemoval(const Study &study, Id codeId)
{
    auto removed = std::make_shared<RemovedCode>();
    auto code = study.code(codeId);
    if (!code)
        return code.error();
    removed->code = *code;
    removed->liveId = codeId;
    auto codes = study.codes();
    if (!codes)
        return codes.error();
    for (const auto &c : *codes) {
        if (c.parentId == codeId)
            removed->children.push_back(c);
    }
    auto highlights = highlightsWithCode(study, codeId);
    if (!highlights)
        return highlights.error();
    removed->highlights = std::move(*highlights);
    return removed;
}

Status restoreRemoved(Study &study, RemovedCode &removed)
{
    const Id original = removed.code.id;
    auto id = study.addCode(removed.code);
    if (!id)
        return id.error();
    if (*id != original)
        qCWarning(lcApp) << "code" << original << "came back as" << *id
                         << "because the study does not keep the id of a re-added code";
    removed.liveId = *id;
    Code code = removed.code;
    code.id = *id;
    if (auto status = study.updateCode(code); !status) // addCode puts it last among its siblings
        return status;
    for (Code child : removed.children) {
        child.parentId = *id;
        if (auto status = study.updateCode(child); !status)
            return status;
    }
    for (Highlight h : removed.highlights) {
        std::replace(h.codeIds.begin(), h.codeIds.end(), original, *id);
        std::sort(h.codeIds.begin(), h.codeIds.end());
        if (auto status = study.updateHighlight(h); !status)
            return status;
    }
    return {};
}

// A command that replaces a code's record with `after` and back.
std::unique_ptr<StudyCommand>
replaceCode(const QString &text, const Code &before, const Code &after)
{
    if (before == after)
        return nothingToDo();
    return std::make_unique<StudyCommand>(
        text,
        [after](Study &study) {
            return study.updateCode(after);
        },
        [before](Study &study) {
            return study.updateCode(before);
        },
        std::vector<Change>{Change{Change::Kind::Codes, 0}});
}

Status refuseBuiltin(const Code &code, const QString &what)
{
    if (!code.builtin)
        return {};
    return refusal(ErrorCode::InvalidArgument,
                   tr("%1 is one of the method's codes: %2. Only its colour, shortcut and "
                      "description can change.")
                       .arg(inQuotes(code.name), what));
}

} // namespace

std::optional<QString> normalizedShortcut(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QString();
    const QKeySequence sequence = QKeySequence::fromString(trimmed, QKeySequence::PortableText);
    if (sequence.count() != 1 || sequence[0].key() == Qt::Key_unknown)
        return std::nullopt;
    return sequence.toString(QKeySequence::PortableText);
}

Status checkShortcut(const Study &study, Id codeId, const QString &shortcut)
{
    const auto normal = normalizedShortcut(shortcut);
    if (!normal)
        return refusal(ErrorCode::InvalidArgument,
                       tr("“%1” is not a key. Type one key, such as P or Ctrl+P.").arg(shortcut));
    if (normal->isEmpty())
        return {};
    auto codes = study.codes();
    if (!codes)
        return codes.error();
    const auto self = std::find_if(codes->begin(), codes->end(), [&](const Code &c) {
        return c.id == codeId;
    });
    for (const auto &builtin : builtinCodes()) {
        if (builtin.kind != CodeKind::Force || toQString(builtin.shortcut) != *normal)
            continue;
        if (self == codes->end() || self->key != builtin.key)
            return refusal(ErrorCode::Conflict,
                           tr("%1 is the key of the force %2: the keys 1–4 are kept for the four "
                              "forces. Choose another key.")
                               .arg(*normal, inQuotes(builtin.name)));
    }
    for (const auto &code : *codes) {
        if (code.id != codeId && normalizedShortcut(toQString(code.shortcut)) == normal)
            return refusal(
                ErrorCode::Conflict,
                tr("The shortcut %1 is already used by %2.").arg(*normal, inQuotes(code.name)));
    }
    return {};
}

Status checkParent(const Study &study, Id codeId, std::optional<Id> parentId)
{
    auto byId = codesById(study);
    if (!byId)
        return byId.error();
    const auto self = byId->find(codeId);
    if (self == byId->end())
        return refusal(ErrorCode::NotFound, tr("There is no code with id %1.").arg(codeId));
    if (auto status = refuseBuiltin(self->second, tr("it stays where the method puts it")); !status)
        return status;
    if (!parentId)
        return {};
    const auto parent = byId->find(*parentId);
    if (parent == byId->end())
        return refusal(ErrorCode::NotFound, tr("There is no code with id %1.").arg(*parentId));
    if (*parentId == codeId)
        return refusal(ErrorCode::InvalidArgument,
                       tr("%1 cannot be nested under itself.").arg(inQuotes(self->second.name)));
    // Walk up from the new parent: meeting the code itself would make a cycle.
    std::set<Id> seen;
    for (std::optional<Id> cursor = parentId; cursor && seen.insert(*cursor).second;) {
        if (*cursor == codeId)
            return refusal(ErrorCode::InvalidArgument,
                           tr("%1 cannot be nested under %2, which is one of its own sub-codes.")
                               .arg(inQuotes(self->second.name), inQuotes(parent->second.name)));
        const auto it = byId->find(*cursor);
        cursor = it == byId->end() ? std::nullopt : it->second.parentId;
    }
    return {};
}

Status checkMerge(const Study &study, Id from, Id into)
{
    auto byId = codesById(study);
    if (!byId)
        return byId.error();
    const auto source = byId->find(from);
    const auto target = byId->find(into);
    if (source == byId->end() || target == byId->end())
        return refusal(ErrorCode::NotFound,
                       tr("There is no code with id %1.").arg(source == byId->end() ? from : into));
    if (auto status = refuseBuiltin(source->second, tr("it cannot be merged away")); !status)
        return status;
    if (from == into)
        return refusal(ErrorCode::InvalidArgument,
                       tr("%1 cannot be merged into itself.").arg(inQuotes(source->second.name)));
    // Its sub-codes move under the target, so a target among them would end up inside itself.
    std::set<Id> seen;
    for (std::optional<Id> cursor = target->second.parentId;
         cursor && seen.insert(*cursor).second;) {
        if (*cursor == from)
            return refusal(ErrorCode::InvalidArgument,
                           tr("%1 cannot be merged into %2, which is one of its own sub-codes. "
                              "Move %2 out first.")
                               .arg(inQuotes(source->second.name), inQuotes(target->second.name)));
        const auto it = byId->find(*cursor);
        cursor = it == byId->end() ? std::nullopt : it->second.parentId;
    }
    return {};
}

CodeCommand addCodeCommand(const Study &study, const Code &code)
{
    Code record;
    record.kind = CodeKind::Custom;
    record.name = std::string(trim(code.name));
    record.color = code.color;
    record.parentId = code.parentId;
    record.description = code.description;
    if (record.name.empty())
        return refusal(ErrorCode::InvalidArgument, tr("A code needs a name."));
    const auto shortcut = normalizedShortcut(toQString(code.shortcut));
    if (auto status = checkShortcut(study, 0, toQString(code.shortcut)); !status)
        return status.error();
    record.shortcut = toStd(*shortcut);
    if (record.parentId) {
        auto parent = study.code(*record.parentId);
        if (!parent)
            return parent.error();
    }
    return makeCommand<AddCommand<Code>>(
        record.parentId ? tr("Add sub-code %1").arg(inQuotes(record.name))
                        : tr("Add code %1").arg(inQuotes(record.name)),
        record,
        [](Study &s, const Code &c) {
            return s.addCode(c);
        },
        [](Study &s, Id id) {
            return s.deleteCode(id);
        },
        std::vector<Change>{Change{Change::Kind::Codes, 0}});
}

CodeCommand renameCodeCommand(const Study &study, Id codeId, const QString &name)
{
    auto before = study.code(codeId);
    if (!before)
        return before.error();
    if (auto status = refuseBuiltin(*before, tr("its name is the method's")); !status)
        return status.error();
    const std::string newName(trim(toStd(name)));
    if (newName.empty())
        return refusal(ErrorCode::InvalidArgument, tr("A code needs a name."));
    Code after = *before;
    after.name = newName;
    return replaceCode(
        tr("Rename code %1 to %2").arg(inQuotes(before->name), inQuotes(newName)), *before, after);
}

CodeCommand recolorCodeCommand(const Study &study, Id codeId, const QString &color)
{
    auto before = study.code(codeId);
    if (!before)
        return before.error();
    Code after = *before;
    after.color = toStd(color.toUpper());
    return replaceCode(tr("Change the colour of %1").arg(inQuotes(before->name)), *before, after);
}

CodeCommand describeCodeCommand(const Study &study, Id codeId, const QString &description)
{
    auto before = study.code(codeId);
    if (!before)
        return before.error();
    Code after = *before;
    after.description = toStd(description);
    return replaceCode(tr("Describe %1").arg(inQuotes(before->name)), *before, after);
}

CodeCommand nestCodeCommand(const Study &study, Id codeId, std::optional<Id> parentId)
{
    if (auto status = checkParent(study, codeId, parentId); !status)
        return status.error();
    auto codes = study.codes();
    if (!codes)
        return codes.error();
    const auto self = std::find_if(codes->begin(), codes->end(), [&](const Code &c) {
        return c.id == codeId;
    });
    const Code before = *self;
    if (before.parentId == parentId)
        return nothingToDo();
    Code after = before;
    after.parentId = parentId;
    after.ord = 0;
    for (const auto &c : *codes) {
        if (c.parentId == parentId && c.id != codeId && !c.builtin)
            after.ord = std::max(after.ord, c.ord + 1);
    }
    QString text;
    if (parentId) {
        const auto parent = std::find_if(codes->begin(), codes->end(), [&](const Code &c) {
            return c.id == *parentId;
        });
        text = tr("Move %1 under %2").arg(inQuotes(before.name), inQuotes(parent->name));
    } else {
        text = tr("Move %1 to the top").arg(inQuotes(before.name));
    }
    return replaceCode(text, before, after);
}

CodeCommand shortcutCommand(const Study &study, Id codeId, const QString &shortcut)
{
    auto before = study.code(codeId);
    if (!before)
        return before.error();
    if (auto status = checkShortcut(study, codeId, shortcut); !status)
        return status.error();
    Code after = *before;
    after.shortcut = toStd(*normalizedShortcut(shortcut));
    return replaceCode(
        after.shortcut.empty()
            ? tr("Clear the shortcut of %1").arg(inQuotes(before->name))
            : tr("Give %1 the shortcut %2").arg(inQuotes(before->name), toQString(after.shortcut)),
        *before,
        after);
}

CodeCommand mergeCodeCommand(const Study &study, Id from, Id into)
{
    if (auto status = checkMerge(study, from, into); !status)
        return status.error();
    auto target = study.code(into);
    if (!target)
        return target.error();
    auto captured = captureRemoval(study, from);
    if (!captured)
        return captured.error();
    auto removed = *captured;
    const Id targetId = into;
    return std::make_unique<StudyCommand>(
        tr("Merge %1 into %2").arg(inQuotes(removed->code.name), inQuotes(target->name)),
        [removed, targetId](Study &s) {
            return s.mergeCode(removed->liveId, targetId);
        },
        [removed](Study &s) {
            return restoreRemoved(s, *removed);
        },
        changesFor(removed->highlights));
}

CodeCommand deleteCodeCommand(const Study &study, Id codeId)
{
    auto code = study.code(codeId);
    if (!code)
        return code.error();
    if (auto status = refuseBuiltin(*code, tr("it cannot be deleted")); !status)
        return status.error();
    auto captured = captureRemoval(study, codeId);
    if (!captured)
        return captured.error();
    auto removed = *captured;
    return std::make_unique<StudyCommand>(
        tr("Delete code %1").arg(inQuotes(removed->code.name)),
        [removed](Study &s) {
            return s.deleteCode(removed->liveId);
        },
        [removed](Study &s) {
            return restoreRemoved(s, *removed);
        },
        changesFor(removed->highlights));
}

} // namespace jtbd::app
