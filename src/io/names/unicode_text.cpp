#include "io/names/unicode_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <memory>

namespace tl::io::unicode {

std::vector<char32_t> code_points(std::string_view text) {
    std::vector<char32_t> out;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

std::string utf8_of(char32_t c) {
    std::string out;
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
    return out;
}

std::string code_label(char32_t c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

std::string char_name(char32_t c) {
    char buf[128];
    UErrorCode status = U_ZERO_ERROR;
    // The extended name also names controls and unassigned code points ("<control-001B>"): ICU
    // has no name for a control, and its aliases (ESCAPE) are not in ICU's name data.
    const int32_t n = u_charName(static_cast<UChar32>(c), U_EXTENDED_CHAR_NAME, buf, sizeof buf, &status);
    if (U_FAILURE(status) || n <= 0) return "";
    return std::string(buf, static_cast<std::size_t>(n));
}

bool is_invisible(char32_t c) {
    const auto cp = static_cast<UChar32>(c);
    const int8_t type = u_charType(cp);
    return type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_LINE_SEPARATOR ||
           type == U_PARAGRAPH_SEPARATOR || u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool is_space(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool is_word_char(char32_t c) {
    const auto mask = U_GET_GC_MASK(static_cast<UChar32>(c));
    return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

int script_of(char32_t c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
    if (U_FAILURE(status) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN) return -1;
    return static_cast<int>(s);
}

int word_script_of(char32_t c) {
    const int s = script_of(c);
    switch (s) {
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA:
        case USCRIPT_HANGUL:
        case USCRIPT_BOPOMOFO: return USCRIPT_HAN;
        default: return s;
    }
}

std::string script_name(int script) {
    const char* name = uscript_getName(static_cast<UScriptCode>(script));
    return name ? name : "";
}

std::string folded(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) return name;
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(name);
    icu::UnicodeString out = nfkc_cf->normalize(in, status);
    if (U_FAILURE(status)) return name;
    std::string utf8;
    out.toUTF8String(utf8);
    // One space for every run of white space (NFKC already made most spaces U+0020).
    std::string key;
    bool in_space = false;
    for (char32_t c : code_points(utf8)) {
        if (is_space(c)) {
            in_space = true;
            continue;
        }
        if (in_space && !key.empty()) key += ' ';
        in_space = false;
        key += utf8_of(c);
    }
    return key;
}

namespace {

struct SpoofCloser {
    void operator()(USpoofChecker* sc) const { uspoof_close(sc); }
};

/// One checker for the process: ICU documents a configured checker as safe to use from several
/// threads at once for the const checks, and opening one loads the confusables data.
const USpoofChecker* checker() {
    static const std::unique_ptr<USpoofChecker, SpoofCloser> sc = [] {
        UErrorCode status = U_ZERO_ERROR;
        USpoofChecker* c = uspoof_open(&status);
        if (U_FAILURE(status)) c = nullptr;
        return std::unique_ptr<USpoofChecker, SpoofCloser>(c);
    }();
    return sc.get();
}

}  // namespace

std::string skeleton(const std::string& text) {
    const USpoofChecker* sc = checker();
    if (!sc) return text;
    UErrorCode status = U_ZERO_ERROR;
    std::string out(text.size() * 4 + 16, '\0');
    int32_t n = uspoof_getSkeletonUTF8(sc, 0, text.data(), static_cast<int32_t>(text.size()), out.data(),
                                       static_cast<int32_t>(out.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        out.assign(static_cast<std::size_t>(n) + 1, '\0');
        n = uspoof_getSkeletonUTF8(sc, 0, text.data(), static_cast<int32_t>(text.size()), out.data(),
                                   static_cast<int32_t>(out.size()), &status);
    }
    if (U_FAILURE(status)) return text;
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace tl::io::unicode
