// The study JSON format, version 1 (described in docs/file-format.md).
#include "json_codec.h"

#include <jtbd/text.h>

#include <map>

namespace jtbd::json_codec {

namespace {

Json nullable(const std::optional<std::int64_t> &value)
{
    return value ? Json(*value) : Json(nullptr);
}

template<typename Enum>
Json nullableKey(const std::optional<Enum> &value)
{
    return value ? Json(std::string(key(*value))) : Json(nullptr);
}

std::string joinPath(const std::string &base, std::string_view key)
{
    return base.empty() ? std::string(key) : base + "." + std::string(key);
}

const char *typeName(const Json &value)
{
    return value.type_name();
}

} // namespace

Reader::Reader(const Json &value, std::string path)
    : m_value(value)
    , m_path(std::move(path))
{
    if (!m_value.is_object())
        throw JsonError{m_path.empty() ? "the document" : m_path,
                        std::string("expected an object, found ") + typeName(m_value)};
}

void Reader::fail(std::string_view key, const std::string &message) const
{
    throw JsonError{joinPath(m_path, key), message};
}

bool Reader::has(std::string_view key) const
{
    return m_value.contains(std::string(key));
}

Reader Reader::operator[](std::string_view key) const
{
    if (!has(key))
        fail(key, "is missing");
    return Reader(m_value.at(std::string(key)), joinPath(m_path, key));
}

std::vector<Reader> Reader::array(std::string_view key) const
{
    std::vector<Reader> items;
    if (!has(key) || m_value.at(std::string(key)).is_null())
        return items;
    const auto &list = m_value.at(std::string(key));
    if (!list.is_array())
        fail(key, std::string("expected a list, found ") + typeName(list));
    for (std::size_t i = 0; i < list.size(); ++i)
        items.emplace_back(list[i], joinPath(m_path, key) + "[" + std::to_string(i) + "]");
    return items;
}

std::string Reader::string(std::string_view key, const std::string &fallback) const
{
    if (!has(key) || m_value.at(std::string(key)).is_null())
        return fallback;
    const auto &value = m_value.at(std::string(key));
    if (!value.is_string())
        fail(key, std::string("expected text, found ") + typeName(value));
    return value.get<std::string>();
}

std::string Reader::requiredString(std::string_view key) const
{
    if (!has(key))
        fail(key, "is missing");
    return string(key);
}

std::int64_t Reader::integer(std::string_view key) const
{
    if (!has(key))
        fail(key, "is missing");
    if (auto value = optionalInteger(key))
        return *value;
    fail(key, "expected a whole number, found null");
}

std::int64_t Reader::integer(std::string_view key, std::int64_t fallback) const
{
    return optionalInteger(key).value_or(fallback);
}

std::optional<std::int64_t> Reader::optionalInteger(std::string_view key) const
{
    if (!has(key) || m_value.at(std::string(key)).is_null())
        return std::nullopt;
    const auto &value = m_value.at(std::string(key));
    if (!value.is_number_integer())
        fail(key,
             std::string("expected a whole number, found ")
                 + (value.is_number() ? "a fraction" : typeName(value)));
    return value.get<std::int64_t>();
}

bool Reader::boolean(std::string_view key, bool fallback) const
{
    if (!has(key) || m_value.at(std::string(key)).is_null())
        return fallback;
    const auto &value = m_value.at(std::string(key));
    if (!value.is_boolean())
        fail(key, std::string("expected true or false, found ") + typeName(value));
    return value.get<bool>();
}

std::vector<std::string> Reader::strings(std::string_view key) const
{
    std::vector<std::string> list;
    if (!has(key) || m_value.at(std::string(key)).is_null())
        return list;
    const auto &value = m_value.at(std::string(key));
    if (!value.is_array())
        fail(key, std::string("expected a list of text, found ") + typeName(value));
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string())
            fail(std::string(key) + "[" + std::to_string(i) + "]",
                 std::string("expected text, found ") + typeName(value[i]));
        list.push_back(value[i].get<std::string>());
    }
    return list;
}

std::vector<std::int64_t> Reader::integers(std::string_view key) const
{
    std::vector<std::int64_t> list;
    if (!has(key) || m_value.at(std::string(key)).is_null())
        return list;
    const auto &value = m_value.at(std::string(key));
    if (!value.is_array())
        fail(key, std::string("expected a list of ids, found ") + typeName(value));
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_number_integer())
            fail(std::string(key) + "[" + std::to_string(i) + "]",
                 std::string("expected an id, found ") + typeName(value[i]));
        list.push_back(value[i].get<std::int64_t>());
    }
    return list;
}

Result<Json> parse(std::string_view text, const std::string &sourceName)
{
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error &e) {
        // Turn the byte position into a line and column a person can find in an editor.
        const std::size_t position =
            std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
        std::size_t line = 1;
        std::size_t column = 1;
        for (std::size_t i = 0; i < position; ++i) {
            if (text[i] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
                ++column;
            }
        }
        std::string reason = e.what();
        if (const auto colon = reason.rfind(": "); colon != std::string::npos)
            reason = reason.substr(colon + 2);
        return makeError(ErrorCode::BadInput,
                         sourceName + ": line " + std::to_string(line) + ", column "
                             + std::to_string(column) + ": not valid JSON (" + reason + ")");
    }
}

Json toJson(const Participant &p)
{
    Json attributes = Json::object();
    for (const auto &a : p.attributes)
        attributes[a.key] = a.value;
    return {{"id", p.id},
            {"code", p.code},
            {"name", p.name},
            {"pseudonym", p.pseudonym},
            {"attributes", attributes},
            {"switched_from", p.switchedFrom},
            {"switched_to", p.switchedTo},
            {"switch_date", p.switchDate},
            {"consent", key(p.consent)},
            {"notes", p.notes}};
}

Json toJson(const Guide &guide)
{
    Json sections = Json::array();
    for (const auto &s : guide.sections) {
        Json questions = Json::array();
        for (const auto &q : s.questions)
            questions.push_back(
                {{"id", q.id}, {"text", q.text}, {"note", q.note}, {"probes", q.probes}});
        sections.push_back({{"id", s.id},
                            {"title", s.title},
                            {"phase", nullableKey(s.phase)},
                            {"event", nullableKey(s.event)},
                            {"minutes", s.minutes},
                            {"purpose", s.purpose},
                            {"tips", s.tips},
                            {"questions", questions}});
    }
    return {{"id", guide.id},
            {"name", guide.name},
            {"description", guide.description},
            {"planned_minutes", guide.plannedMinutes},
            {"template", guide.isTemplate},
            {"builtin", guide.builtin},
            {"sections", sections}};
}

Guide guideFromJson(const Reader &r)
{
    Guide guide;
    guide.id = r.integer("id", 0);
    guide.name = r.requiredString("name");
    guide.description = r.string("description");
    guide.plannedMinutes = static_cast<int>(r.integer("planned_minutes", 60));
    guide.isTemplate = r.boolean("template", false);
    guide.builtin = r.boolean("builtin", false);
    for (const auto &sr : r.array("sections")) {
        GuideSection s;
        s.id = sr.integer("id", 0);
        s.title = sr.requiredString("title");
        s.phase = sr.optionalEnumeration<Phase>("phase", parsePhase, "timeline phase");
        s.event = sr.optionalEnumeration<EventKind>("event", parseEventKind, "timeline event");
        s.minutes = static_cast<int>(sr.integer("minutes", 0));
        s.purpose = sr.string("purpose");
        s.tips = sr.string("tips");
        for (const auto &qr : sr.array("questions"))
            s.questions.push_back({qr.integer("id", 0),
                                   qr.requiredString("text"),
                                   qr.string("note"),
                                   qr.strings("probes")});
        guide.sections.push_back(std::move(s));
    }
    return guide;
}

Result<Guide> parseGuideTemplate(std::string_view text)
{
    auto json = parse(text, "guide template");
    if (!json)
        return json.error();
    try {
        return guideFromJson(Reader(*json, ""));
    } catch (const JsonError &e) {
        return makeError(ErrorCode::BadInput, e.path + ": " + e.message);
    }
}

Json toJson(const StudySnapshot &s)
{
    Json root;
    root["format"] = "jtbd-study";
    root["version"] = 1;
    root["study"] = {{"name", s.info.name},
                     {"objectives", s.info.objectives},
                     {"assumptions", s.info.assumptions},
                     {"created_at", s.info.createdAt},
                     {"app_version", s.info.appVersion}};
    Json coders = Json::array();
    for (const auto &c : s.coders)
        coders.push_back({{"id", c.id}, {"name", c.name}});
    root["coders"] = coders;
    Json codes = Json::array();
    for (const auto &c : s.codes)
        codes.push_back({{"id", c.id},
                         {"parent", nullable(c.parentId)},
                         {"kind", key(c.kind)},
                         {"key", c.key},
                         {"name", c.name},
                         {"color", c.color},
                         {"shortcut", c.shortcut},
                         {"description", c.description},
                         {"builtin", c.builtin},
                         {"order", c.ord}});
    root["codes"] = codes;
    Json participants = Json::array();
    for (const auto &p : s.participants)
        participants.push_back(toJson(p));
    root["participants"] = participants;
    Json guides = Json::array();
    for (const auto &g : s.guides)
        guides.push_back(toJson(g));
    root["guides"] = guides;
    Json interviews = Json::array();
    for (const auto &record : s.interviews) {
        const auto &i = record.interview;
        Json turns = Json::array();
        for (const auto &t : record.turns)
            turns.push_back({{"speaker", t.speaker},
                             {"role", key(t.role)},
                             {"start_ms", nullable(t.startMs)},
                             {"end_ms", nullable(t.endMs)},
                             {"text", t.text}});
        Json notes = Json::array();
        for (const auto &n : record.notes)
            notes.push_back({{"id", n.id},
                             {"question", nullable(n.questionId)},
                             {"at_ms", nullable(n.atMs)},
                             {"text", n.text},
                             {"created_at", n.createdAt}});
        Json highlights = Json::array();
        for (const auto &h : record.highlights)
            highlights.push_back({{"id", h.id},
                                  {"start", h.start},
                                  {"end", h.end},
                                  {"quote", h.quote},
                                  {"codes", h.codeIds},
                                  {"coder", nullable(h.coderId)},
                                  {"intensity", h.intensity},
                                  {"confidence", key(h.confidence)},
                                  {"phase", nullableKey(h.phase)},
                                  {"memo", h.memo},
                                  {"created_at", h.createdAt},
                                  {"updated_at", h.updatedAt}});
        Json timeline = Json::array();
        for (const auto &e : record.timeline)
            timeline.push_back({{"id", e.id},
                                {"kind", key(e.kind)},
                                {"date", e.occurredOn},
                                {"relative", e.relativeTime},
                                {"place", e.place},
                                {"people", e.people},
                                {"description", e.description},
                                {"highlight", nullable(e.highlightId)}});
        Json covered = Json::array();
        for (const auto &c : record.coverage)
            covered.push_back({{"question", c.questionId}, {"at_ms", nullable(c.atMs)}});
        interviews.push_back({{"id", i.id},
                              {"participant", nullable(i.participantId)},
                              {"guide", nullable(i.guideId)},
                              {"title", i.title},
                              {"date", i.conductedOn},
                              {"interviewers", i.interviewers},
                              {"status", key(i.status)},
                              {"duration_ms", nullable(i.durationMs)},
                              {"source_name", i.sourceName},
                              {"source_format", i.sourceFormat},
                              {"notes", i.notes},
                              {"turns", turns},
                              {"question_notes", notes},
                              {"covered_questions", covered},
                              {"highlights", highlights},
                              {"timeline", timeline}});
    }
    root["interviews"] = interviews;
    Json groups = Json::array();
    for (const auto &g : s.forceGroups)
        groups.push_back({{"id", g.id},
                          {"force", key(g.force)},
                          {"label", g.label},
                          {"suggested_label", g.suggestedLabel},
                          {"notes", g.notes},
                          {"pinned", g.pinned},
                          {"highlights", g.highlightIds},
                          {"placed_highlights", g.placedHighlightIds}});
    root["force_groups"] = groups;
    Json marks = Json::array();
    for (const auto &m : s.storyGroupMarks)
        marks.push_back(
            {{"interview", m.interviewId}, {"force_group", m.forceGroupId}, {"shows", m.shows}});
    root["story_group_marks"] = marks;
    // Drafts are written inside their jobs; a job without one has no "draft".
    std::map<Id, const JobDraft *> drafts;
    for (const auto &d : s.jobDrafts)
        drafts[d.jobId] = &d;
    Json jobs = Json::array();
    for (const auto &j : s.jobs) {
        Json job = {
            {"id", j.id},
            {"key", j.stableKey},
            {"name", j.name},
            {"statement", j.statement},
            {"story", {{"when", j.storyWhen}, {"want", j.storyWant}, {"so_that", j.storySoThat}}},
            {"notes", j.notes},
            {"interviews", j.interviewIds},
            {"placed_interviews", j.placedInterviewIds}};
        if (const auto found = drafts.find(j.id);
            found != drafts.end() && !found->second->clauses.empty()) {
            Json clauses = Json::array();
            for (const auto &c : found->second->clauses)
                clauses.push_back(
                    {{"part", key(c.part)}, {"text", c.text}, {"highlights", c.highlightIds}});
            job["draft"] = {{"clauses", clauses}};
        }
        jobs.push_back(std::move(job));
    }
    root["jobs"] = jobs;
    return root;
}

StudySnapshot snapshotFromJson(const Reader &root)
{
    if (root.string("format") != "jtbd-study")
        root.fail("format",
                  "this is not a JTBD study export (expected \"format\": \"jtbd-study\")");
    const auto version = root.integer("version");
    if (version > 1)
        root.fail("version",
                  "the file is study JSON version " + std::to_string(version)
                      + ", written by a newer JTBD Workbench; this version reads version 1");
    if (version < 1)
        root.fail("version", "unknown version " + std::to_string(version));
    StudySnapshot s;
    const Reader study = root["study"];
    s.info = {study.requiredString("name"),
              study.string("objectives"),
              study.string("assumptions"),
              study.string("created_at"),
              study.string("app_version")};
    for (const auto &r : root.array("coders"))
        s.coders.push_back({r.integer("id"), r.requiredString("name")});
    for (const auto &r : root.array("codes")) {
        Code c;
        c.id = r.integer("id");
        c.parentId = r.optionalInteger("parent");
        c.kind = r.requiredEnumeration<CodeKind>("kind", parseCodeKind, "code kind");
        c.key = r.requiredString("key");
        c.name = r.requiredString("name");
        c.color = r.string("color");
        c.shortcut = r.string("shortcut");
        c.description = r.string("description");
        c.builtin = r.boolean("builtin", false);
        c.ord = static_cast<int>(r.integer("order", 0));
        s.codes.push_back(std::move(c));
    }
    for (const auto &r : root.array("participants")) {
        Participant p;
        p.id = r.integer("id");
        p.code = r.requiredString("code");
        p.name = r.string("name");
        p.pseudonym = r.string("pseudonym");
        if (r.has("attributes") && !r.json().at("attributes").is_null()) {
            const Reader attributes = r["attributes"];
            for (const auto &[k, v] : attributes.json().items()) {
                if (!v.is_string())
                    attributes.fail(k, std::string("expected text, found ") + v.type_name());
                p.attributes.push_back({k, v.get<std::string>()});
            }
        }
        p.switchedFrom = r.string("switched_from");
        p.switchedTo = r.string("switched_to");
        p.switchDate = r.string("switch_date");
        p.consent =
            r.enumeration<Consent>("consent", parseConsent, Consent::Unknown, "consent value");
        p.notes = r.string("notes");
        s.participants.push_back(std::move(p));
    }
    for (const auto &r : root.array("guides"))
        s.guides.push_back(guideFromJson(r));
    for (const auto &r : root.array("interviews")) {
        InterviewRecord record;
        auto &i = record.interview;
        i.id = r.integer("id");
        i.participantId = r.optionalInteger("participant");
        i.guideId = r.optionalInteger("guide");
        i.title = r.requiredString("title");
        i.conductedOn = r.string("date");
        i.interviewers = r.strings("interviewers");
        i.status = r.enumeration<InterviewStatus>(
            "status", parseInterviewStatus, InterviewStatus::Planned, "interview status");
        i.durationMs = r.optionalInteger("duration_ms");
        i.sourceName = r.string("source_name");
        i.sourceFormat = r.string("source_format");
        i.notes = r.string("notes");
        for (const auto &t : r.array("turns"))
            record.turns.push_back(
                {t.requiredString("speaker"),
                 t.enumeration<SpeakerRole>(
                     "role", parseSpeakerRole, SpeakerRole::Unknown, "speaker role"),
                 t.optionalInteger("start_ms"),
                 t.optionalInteger("end_ms"),
                 t.requiredString("text")});
        for (const auto &n : r.array("question_notes"))
            record.notes.push_back({n.integer("id"),
                                    i.id,
                                    n.optionalInteger("question"),
                                    n.optionalInteger("at_ms"),
                                    n.requiredString("text"),
                                    n.string("created_at")});
        for (const auto &c : r.array("covered_questions"))
            record.coverage.push_back({i.id, c.integer("question"), c.optionalInteger("at_ms")});
        for (const auto &h : r.array("highlights")) {
            Highlight highlight;
            highlight.id = h.integer("id");
            highlight.interviewId = i.id;
            highlight.start = h.integer("start");
            highlight.end = h.integer("end");
            highlight.quote = h.string("quote");
            highlight.codeIds = h.integers("codes");
            highlight.coderId = h.optionalInteger("coder");
            highlight.intensity = static_cast<int>(h.integer("intensity", 3));
            highlight.confidence = h.enumeration<Confidence>(
                "confidence", parseConfidence, Confidence::Medium, "confidence");
            highlight.phase = h.optionalEnumeration<Phase>("phase", parsePhase, "timeline phase");
            highlight.memo = h.string("memo");
            highlight.createdAt = h.string("created_at");
            highlight.updatedAt = h.string("updated_at");
            record.highlights.push_back(std::move(highlight));
        }
        for (const auto &e : r.array("timeline"))
            record.timeline.push_back(
                {e.integer("id"),
                 i.id,
                 e.requiredEnumeration<EventKind>("kind", parseEventKind, "event kind"),
                 e.string("date"),
                 e.string("relative"),
                 e.string("place"),
                 e.string("people"),
                 e.string("description"),
                 e.optionalInteger("highlight")});
        s.interviews.push_back(std::move(record));
    }
    for (const auto &r : root.array("force_groups")) {
        ForceGroup group;
        group.id = r.integer("id");
        group.force = r.requiredEnumeration<Force>("force", parseForce, "force");
        group.label = r.requiredString("label");
        group.notes = r.string("notes");
        group.pinned = r.boolean("pinned", false);
        group.highlightIds = r.integers("highlights");
        // Files written before the synthesis kept suggestions and placements have neither.
        group.suggestedLabel = r.string("suggested_label");
        group.placedHighlightIds = r.integers("placed_highlights");
        s.forceGroups.push_back(std::move(group));
    }
    for (const auto &r : root.array("story_group_marks"))
        s.storyGroupMarks.push_back(
            {r.integer("interview"), r.integer("force_group"), r.boolean("shows", true)});
    for (const auto &r : root.array("jobs")) {
        Job job;
        job.id = r.integer("id");
        job.stableKey = r.string("key");
        job.name = r.requiredString("name");
        job.statement = r.string("statement");
        if (r.has("story") && !r.json().at("story").is_null()) {
            const Reader story = r["story"];
            job.storyWhen = story.string("when");
            job.storyWant = story.string("want");
            job.storySoThat = story.string("so_that");
        }
        job.notes = r.string("notes");
        job.interviewIds = r.integers("interviews");
        job.placedInterviewIds = r.integers("placed_interviews");
        if (r.has("draft") && !r.json().at("draft").is_null()) {
            JobDraft draft;
            draft.jobId = job.id;
            for (const auto &c : r["draft"].array("clauses"))
                draft.clauses.push_back(
                    {c.requiredEnumeration<DraftPart>("part", parseDraftPart, "draft part"),
                     c.requiredString("text"),
                     c.integers("highlights")});
            if (!draft.clauses.empty())
                s.jobDrafts.push_back(std::move(draft));
        }
        s.jobs.push_back(std::move(job));
    }
    return s;
}

} // namespace jtbd::json_codec
