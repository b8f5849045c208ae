// The codebook (built-in method codes plus nested, coloured custom codes) and the coders.
#include "study_impl.h"

#include <jtbd/text.h>

#include <cctype>

namespace jtbd {

using storage::fail;

namespace {

constexpr std::string_view kColumns =
    "SELECT id, parent_id, kind, key, name, color, shortcut, description, builtin, ord FROM code";

Code readCode(const storage::Query &q)
{
    Code c;
    c.id = q.int64(0);
    c.parentId = q.optionalInt64(1);
    c.kind = parseStored<CodeKind>(q.textView(2), parseCodeKind, "code kind");
    c.key = q.text(3);
    c.name = q.text(4);
    c.color = q.text(5);
    c.shortcut = q.text(6);
    c.description = q.text(7);
    c.builtin = q.int64(8) != 0;
    c.ord = q.int32(9);
    return c;
}

Code loadCode(storage::Database &db, Id id)
{
    auto q = db.query(std::string(kColumns) + " WHERE id = ?", id);
    if (!q.next())
        fail(ErrorCode::NotFound, "there is no code with id " + std::to_string(id));
    return readCode(q);
}

// "Month-end reporting" -> "month-end-reporting"; letters beyond ASCII are kept as they are.
std::string slug(std::string_view name)
{
    std::string out;
    bool dash = false;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            if (dash && !out.empty())
                out += '-';
            out += static_cast<char>(std::tolower(u));
            dash = false;
        } else {
            dash = true;
        }
    }
    return out;
}

bool isColor(std::string_view color)
{
    if (color.empty())
        return true;
    if (color.size() != 7 || color[0] != '#')
        return false;
    for (char c : color.substr(1)) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return false;
    }
    return true;
}

void validate(storage::Database &db, const Code &code)
{
    if (trim(code.name).empty())
        fail(ErrorCode::InvalidArgument, "a code needs a name");
    if (!isColor(code.color))
        fail(ErrorCode::InvalidArgument,
             "code '" + code.name + "': colour '" + code.color + "' is not #RRGGBB");
    if (!code.shortcut.empty()
        && db.scalar(
               "SELECT count(*) FROM code WHERE shortcut = ? AND id <> ?", code.shortcut, code.id)
               > 0)
        fail(ErrorCode::Conflict,
             "shortcut '" + code.shortcut + "' is already used by another code");
    if (code.parentId) {
        // Walk up from the new parent: reaching the code itself would make a cycle.
        std::optional<Id> cursor = code.parentId;
        while (cursor) {
            if (*cursor == code.id)
                fail(ErrorCode::InvalidArgument,
                     "code '" + code.name + "' cannot be nested inside itself");
            auto q = db.query("SELECT parent_id FROM code WHERE id = ?", *cursor);
            if (!q.next())
                fail(ErrorCode::NotFound, "there is no code with id " + std::to_string(*cursor));
            cursor = q.optionalInt64(0);
        }
    }
}

} // namespace

Result<Id> Study::addCode(const Code &code)
{
    return m_impl->write([&] {
        auto &db = m_impl->db;
        if (code.kind != CodeKind::Custom || code.builtin)
            fail(ErrorCode::InvalidArgument,
                 "only custom codes can be added; the method's codes are built in");
        Code c = code;
        if (c.id != 0 && db.scalar("SELECT count(*) FROM code WHERE id = ?", c.id) > 0)
            fail(ErrorCode::Conflict, "code id " + std::to_string(c.id) + " is already in use");
        validate(db, c);
        if (c.key.empty()) {
            const std::string base = slug(c.name).empty() ? "code" : slug(c.name);
            c.key = base;
            for (int n = 2; db.scalar("SELECT count(*) FROM code WHERE key = ?", c.key) > 0; ++n)
                c.key = base + "-" + std::to_string(n);
        } else if (db.scalar("SELECT count(*) FROM code WHERE key = ?", c.key) > 0) {
            fail(ErrorCode::Conflict, "code key '" + c.key + "' is already in use");
        }
        const auto ord = db.scalar("SELECT count(*) FROM code WHERE parent_id IS ?", c.parentId);
        db.run("INSERT INTO code (id, parent_id, kind, key, name, color, shortcut, description, "
               "builtin, ord) "
               "VALUES (?, ?, 'custom', ?, ?, ?, ?, ?, 0, ?)",
               optionalId(c.id),
               c.parentId,
               c.key,
               c.name,
               c.color,
               c.shortcut,
               c.description,
               ord);
        return db.lastInsertId();
    });
}

Status Study::updateCode(const Code &code)
{
    return m_impl->write([&] {
        auto &db = m_impl->db;
        const Code stored = loadCode(db, code.id);
        validate(db, code);
        if (stored.builtin
            && (code.key != stored.key || code.kind != stored.kind || code.name != stored.name
                || code.parentId != stored.parentId))
            fail(ErrorCode::InvalidArgument,
                 "'" + stored.name
                     + "' is one of the method's codes: only its colour, shortcut and "
                       "description can change");
        if (!stored.builtin && code.kind != CodeKind::Custom)
            fail(ErrorCode::InvalidArgument, "a custom code cannot become a built-in one");
        if (code.key != stored.key
            && (code.key.empty()
                || db.scalar("SELECT count(*) FROM code WHERE key = ?", code.key) > 0))
            fail(ErrorCode::Conflict, "code key '" + code.key + "' is empty or already in use");
        db.run("UPDATE code SET parent_id = ?, key = ?, name = ?, color = ?, shortcut = ?, "
               "description = ?, "
               "ord = ? WHERE id = ?",
               code.parentId,
               code.key,
               code.name,
               code.color,
               code.shortcut,
               code.description,
               code.ord,
               code.id);
    });
}

Status Study::deleteCode(Id id)
{
    return m_impl->write([&] {
        auto &db = m_impl->db;
        const Code stored = loadCode(db, id);
        if (stored.builtin)
            fail(ErrorCode::InvalidArgument,
                 "'" + stored.name + "' is one of the method's codes and cannot be deleted");
        db.run("UPDATE code SET parent_id = ? WHERE parent_id = ?", stored.parentId, id);
        db.run("DELETE FROM code WHERE id = ?", id);
    });
}

Status Study::mergeCode(Id from, Id into)
{
    return m_impl->write([&] {
        auto &db = m_impl->db;
        if (from == into)
            fail(ErrorCode::InvalidArgument, "a code cannot be merged into itself");
        const Code source = loadCode(db, from);
        const Code target = loadCode(db, into);
        if (source.builtin)
            fail(ErrorCode::InvalidArgument,
                 "'" + source.name + "' is one of the method's codes and cannot be merged away");
        // Its sub-codes move to the target: a target among them would become its own parent.
        for (auto cursor = target.parentId; cursor; cursor = loadCode(db, *cursor).parentId)
            if (*cursor == from)
                fail(ErrorCode::InvalidArgument,
                     "'" + source.name + "' cannot be merged into '" + target.name
                         + "', which is nested under it");
        db.run("INSERT OR IGNORE INTO highlight_code (highlight_id, code_id) SELECT highlight_id, "
               "? FROM "
               "highlight_code WHERE code_id = ?",
               into,
               from);
        db.run("UPDATE code SET parent_id = ? WHERE parent_id = ?", into, from);
        db.run("DELETE FROM code WHERE id = ?", from);
    });
}

Result<Code> Study::code(Id id) const
{
    return m_impl->read([&] {
        return loadCode(m_impl->db, id);
    });
}

Result<std::optional<Code>> Study::findCode(std::string_view key) const
{
    return m_impl->read([&]() -> std::optional<Code> {
        auto q = m_impl->db.query(std::string(kColumns) + " WHERE key = ?", key);
        if (!q.next())
            return std::nullopt;
        return readCode(q);
    });
}

Result<std::vector<Code>> Study::codes() const
{
    return m_impl->read([&] {
        std::vector<Code> list;
        auto q = m_impl->db.query(std::string(kColumns) + " ORDER BY builtin DESC, ord, id");
        while (q.next())
            list.push_back(readCode(q));
        return list;
    });
}

Result<std::int64_t> Study::codeUsage(Id id) const
{
    return m_impl->read([&] {
        loadCode(m_impl->db, id);
        return m_impl->db.scalar("SELECT count(*) FROM highlight_code WHERE code_id = ?", id);
    });
}

Result<Id> Study::addCoder(std::string_view name)
{
    return m_impl->write([&] {
        if (trim(name).empty())
            fail(ErrorCode::InvalidArgument, "a coder needs a name");
        if (m_impl->db.scalar("SELECT count(*) FROM coder WHERE name = ?", name) > 0)
            fail(ErrorCode::Conflict, "there is already a coder named '" + std::string(name) + "'");
        m_impl->db.run("INSERT INTO coder (name) VALUES (?)", name);
        return m_impl->db.lastInsertId();
    });
}

Result<Id> Study::ensureCoder(std::string_view name)
{
    return m_impl->write([&] {
        if (trim(name).empty())
            fail(ErrorCode::InvalidArgument, "a coder needs a name");
        auto q = m_impl->db.query("SELECT id FROM coder WHERE name = ?", name);
        if (q.next())
            return q.int64(0);
        m_impl->db.run("INSERT INTO coder (name) VALUES (?)", name);
        return m_impl->db.lastInsertId();
    });
}

Status Study::renameCoder(Id id, std::string_view name)
{
    return m_impl->write([&] {
        m_impl->requireRow("coder", id, "coder");
        if (trim(name).empty())
            fail(ErrorCode::InvalidArgument, "a coder needs a name");
        if (m_impl->db.scalar("SELECT count(*) FROM coder WHERE name = ? AND id <> ?", name, id)
            > 0)
            fail(ErrorCode::Conflict, "there is already a coder named '" + std::string(name) + "'");
        m_impl->db.run("UPDATE coder SET name = ? WHERE id = ?", name, id);
    });
}

Status Study::deleteCoder(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("coder", id, "coder");
        m_impl->db.run("DELETE FROM coder WHERE id = ?", id);
    });
}

Result<std::vector<Coder>> Study::coders() const
{
    return m_impl->read([&] {
        std::vector<Coder> list;
        auto q = m_impl->db.query("SELECT id, name FROM coder ORDER BY name, id");
        while (q.next())
            list.push_back({q.int64(0), q.text(1)});
        return list;
    });
}

} // namespace jtbd
