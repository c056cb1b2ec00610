#include "cli/cli_translator.hpp"

#include <libintl.h>
#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <memory>

namespace tl::cli {
namespace {

constexpr const char* kDomain = "tenderloop";

/// "ru" from "ru_RU.UTF-8", "ru:en" or "ru"; "en" for anything we have no catalog for.
std::string language_of(const char* spec) {
    if (spec == nullptr) return {};
    const std::string s(spec);
    if (s.empty() || s == "C" || s == "POSIX" || s.rfind("C.", 0) == 0) return {};
    return s.rfind("ru", 0) == 0 ? "ru" : "en";
}

class GettextTranslator final : public Translator {
public:
    explicit GettextTranslator(std::string language) : language_(std::move(language)) {}
    std::string translate(const std::string& msgid) const override {
        if (msgid.empty()) return msgid;
        return ::dgettext(kDomain, msgid.c_str());
    }
    std::string translate_plural(const std::string& msgid, const std::string& plural, long long n) const override {
        return ::dngettext(kDomain, msgid.c_str(), plural.c_str(), static_cast<unsigned long>(n < 0 ? -n : n));
    }
    std::string language() const override { return language_; }

private:
    std::string language_;
};

std::unique_ptr<Translator>& current() {
    static std::unique_ptr<Translator> t;
    return t;
}

}  // namespace

void setup_language(const std::string& lang, const std::string& locale_dir) {
    std::string language = lang;
    if (!lang.empty()) {
        // glibc's gettext honours LANGUAGE only under a locale other than "C"; C.UTF-8 is always
        // there, so `--lang ru` works even where no Russian locale is installed.
        ::setenv("LANGUAGE", lang.c_str(), 1);
        const char* now = std::setlocale(LC_MESSAGES, nullptr);
        if (now == nullptr || std::string(now) == "C" || std::string(now) == "POSIX")
            std::setlocale(LC_MESSAGES, "C.UTF-8");
    } else {
        // As gettext chooses: LANGUAGE (a list, the first with a catalog wins) unless the locale of
        // messages is exactly "C"/"POSIX" (C.UTF-8 counts as a locale there), else that locale.
        const char* now = std::setlocale(LC_MESSAGES, nullptr);
        const std::string locale = now ? now : "C";
        const char* env_language = std::getenv("LANGUAGE");
        if (locale != "C" && locale != "POSIX" && env_language != nullptr && *env_language) {
            const std::string list = env_language;
            for (std::size_t start = 0; start <= list.size();) {
                const std::size_t end = std::min(list.find(':', start), list.size());
                const std::string entry = list.substr(start, end - start);
                if (entry.rfind("ru", 0) == 0) { language = "ru"; break; }
                if (entry.rfind("en", 0) == 0 || entry == "C") { language = "en"; break; }
                start = end + 1;
            }
        }
        if (language.empty()) language = language_of(now);
        if (language.empty()) language = "en";
    }
    if (!locale_dir.empty()) ::bindtextdomain(kDomain, locale_dir.c_str());
    ::bind_textdomain_codeset(kDomain, "UTF-8");
    current() = std::make_unique<GettextTranslator>(language);
}

const Translator& translator() {
    const auto& t = current();
    return t ? *t : english();
}

std::string tr(const char* msgid) { return translator().translate(msgid); }

}  // namespace tl::cli
