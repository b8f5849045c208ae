// Conversions between the domain's values and JSON, shared by the study JSON, the guide templates
// and the sample study. Reading errors name the JSON path at fault ("interviews[2].turns[5].text").
#pragma once

#include <jtbd/result.h>
#include <jtbd/study.h>

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace jtbd::json_codec {

using Json = nlohmann::ordered_json;

// A value at a path in a JSON document, with typed accessors that throw JsonError.
struct JsonError
{
    std::string path;
    std::string message;
};

class Reader
{
public:
    Reader(const Json &value, std::string path);

    const Json &json() const { return m_value; }

    const std::string &path() const { return m_path; }

    bool has(std::string_view key) const;
    Reader operator[](std::string_view key) const;         // required member
    std::vector<Reader> array(std::string_view key) const; // missing = empty

    std::string string(std::string_view key, const std::string &fallback = {}) const;
    std::string requiredString(std::string_view key) const;
    std::int64_t integer(std::string_view key) const;
    std::int64_t integer(std::string_view key, std::int64_t fallback) const;
    std::optional<std::int64_t> optionalInteger(std::string_view key) const;
    bool boolean(std::string_view key, bool fallback) const;
    std::vector<std::string> strings(std::string_view key) const;
    std::vector<std::int64_t> integers(std::string_view key) const;

    template<typename Enum, typename Parse>
    Enum enumeration(std::string_view key, Parse parse, Enum fallback, std::string_view what) const
    {
        if (!has(key) || m_value.at(std::string(key)).is_null())
            return fallback;
        return optionalEnumeration<Enum>(key, parse, what).value();
    }

    template<typename Enum, typename Parse>
    Enum requiredEnumeration(std::string_view key, Parse parse, std::string_view what) const
    {
        if (!has(key) || m_value.at(std::string(key)).is_null())
            fail(key, "is missing");
        return optionalEnumeration<Enum>(key, parse, what).value();
    }

    template<typename Enum, typename Parse>
    std::optional<Enum>
    optionalEnumeration(std::string_view key, Parse parse, std::string_view what) const
    {
        if (!has(key) || m_value.at(std::string(key)).is_null())
            return std::nullopt;
        const std::string text = string(key);
        if (auto value = parse(text))
            return value;
        fail(key, "'" + text + "' is not a known " + std::string(what));
    }

    [[noreturn]] void fail(std::string_view key, const std::string &message) const;

private:
    const Json &m_value;
    std::string m_path;
};

// Parses JSON text; a syntax error is reported with its line and column.
Result<Json> parse(std::string_view text, const std::string &sourceName);

Json toJson(const StudySnapshot &snapshot);
StudySnapshot snapshotFromJson(const Reader &root);

Json toJson(const Participant &participant);
Json toJson(const Guide &guide);
Guide guideFromJson(const Reader &reader);

// The built-in guide template format: a guide without ids.
Result<Guide> parseGuideTemplate(std::string_view text);

} // namespace jtbd::json_codec
