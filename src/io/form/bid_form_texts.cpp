#include "io/form/bid_form_texts.hpp"

#include "io/form/bid_form_layout.hpp"
#include "io/csv/bids_csv_writer.hpp"

namespace tl::io::form {

bool tender_has_russian(const CriteriaSet& rules) {
    if (!rules.tender.title_ru.empty()) return true;
    for (const auto& f : rules.fields)
        if (!f.name_ru.empty()) return true;
    return false;
}

std::string both(const std::string& en, const std::string& ru, bool russian) {
    return russian && !ru.empty() ? en + "\n" + ru : en;
}

std::vector<std::string> column_headers(bool russian) {
    return {both("ID", "Код", russian),
            both("Item", "Показатель", russian),
            both("Description", "Описание", russian),
            both("Unit / format", "Единица / формат", russian),
            both("Evidence to attach", "Подтверждающие документы", russian),
            both("Required?", "Обязательно?", russian),
            both("Your answer", "Ваш ответ", russian)};
}

std::string fit_bytes(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    const std::string ellipsis = "\xE2\x80\xA6";
    std::size_t end = max_bytes >= ellipsis.size() ? max_bytes - ellipsis.size() : 0;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + ellipsis;
}

std::string grouped_number(double v) {
    std::string s = plain_number(v);
    const std::size_t sign = !s.empty() && s[0] == '-' ? 1 : 0;
    const std::size_t dot = std::min(s.find('.'), s.size());
    if (dot - sign <= 4) return s;  // 1000 stays 1000; 10 000 gets a space
    for (std::size_t i = dot; i > sign + 3;) {
        i -= 3;
        s.insert(i, " ");
    }
    return s;
}

namespace {

/// A bound of the field's range in the units the form asks for (percent as the number of percent).
std::string bound_text(const FieldDecl& f, double v) {
    if (f.type == FieldType::Percent) return grouped_number(v * 100);
    if (f.type == FieldType::Date) return format_iso_date(static_cast<int>(v));
    return grouped_number(v);
}

std::string range_line(const FieldDecl& f) {
    if (f.range_lo && f.range_hi) return bound_text(f, *f.range_lo) + " \xE2\x80\x93 " + bound_text(f, *f.range_hi);
    if (f.range_lo) return "\xE2\x89\xA5 " + bound_text(f, *f.range_lo);  // ≥
    if (f.range_hi) return "\xE2\x89\xA4 " + bound_text(f, *f.range_hi);  // ≤
    return "";
}

std::string range_words(const FieldDecl& f, bool ru) {
    if (f.range_lo && f.range_hi)
        return (ru ? ", от " : ", from ") + bound_text(f, *f.range_lo) + (ru ? " до " : " to ") +
               bound_text(f, *f.range_hi);
    if (f.range_lo) return (ru ? ", не менее " : ", at least ") + bound_text(f, *f.range_lo);
    if (f.range_hi) return (ru ? ", не более " : ", at most ") + bound_text(f, *f.range_hi);
    return "";
}

std::string members_text(const FieldDecl& f, const char* sep) {
    std::string s;
    for (std::size_t i = 0; i < f.members.size(); ++i) s += (i ? sep : "") + f.members[i];
    return s;
}

}  // namespace

std::string unit_text(const FieldDecl& f, bool russian) {
    std::string first;
    switch (f.type) {
        case FieldType::Money:
        case FieldType::Quantity: first = f.unit.to_string(); break;
        case FieldType::Percent: first = "%"; break;
        case FieldType::Number: first = both("number", "число", russian); break;
        case FieldType::YesNo: first = "yes / no"; break;
        case FieldType::Enum: first = members_text(f, " / "); break;
        case FieldType::Date: first = "YYYY-MM-DD"; break;
        case FieldType::Text: first = both("text", "текст", russian); break;
    }
    const std::string range = range_line(f);
    if (range.empty()) return first;
    return first.empty() ? range : first + "\n" + range;
}

std::string input_message(const FieldDecl& f, bool russian) {
    std::string en, ru;
    const std::string unit = f.unit.to_string();
    switch (f.type) {
        case FieldType::Money:
            en = "A number in " + unit + ", without the currency";
            ru = "Число в " + unit + " без указания валюты";
            break;
        case FieldType::Percent:
            en = "The number of percent: 40 for 40 %";
            ru = "Число процентов: 40 для 40 %";
            break;
        case FieldType::Number:
            en = "A number";
            ru = "Число";
            break;
        case FieldType::Quantity:
            en = unit.empty() ? "A number" : "A number in " + unit;
            ru = unit.empty() ? "Число" : "Число в " + unit;
            break;
        case FieldType::YesNo:
            en = "Choose yes or no";
            ru = "Выберите yes (да) или no (нет)";
            break;
        case FieldType::Enum:
            en = "Choose one of " + members_text(f, ", ");
            ru = "Выберите одно из: " + members_text(f, ", ");
            break;
        case FieldType::Date:
            en = "A date such as 2026-03-01";
            ru = "Дата, например 2026-03-01";
            break;
        case FieldType::Text:
            en = "Text of up to " + std::to_string(kMaxTextAnswer) + " characters";
            ru = "Текст до " + std::to_string(kMaxTextAnswer) + " знаков";
            break;
    }
    en += range_words(f, false) + ".";
    ru += range_words(f, true) + ".";
    if (f.optional) {
        en += " Leave empty if not applicable.";
        ru += " Оставьте пустым, если неприменимо.";
    }
    return fit_bytes(both(en, ru, russian), 255);
}

std::string required_text(bool optional, bool russian) {
    return optional ? both("optional", "необязательно", russian) : both("required", "обязательно", russian);
}

std::string item_text(const FieldDecl& f) {
    return f.name_ru.empty() ? f.display_name() : f.display_name() + "\n" + f.name_ru;
}

std::string description_text(const FieldDecl& f) { return f.description; }

std::vector<Paragraph> instructions(const CriteriaSet& rules, const std::string& lot, bool russian) {
    using S = Paragraph::Style;
    const TenderInfo& t = rules.tender;
    std::vector<Paragraph> p;
    p.push_back({S::Title, "Bid response form"});
    if (russian) p.push_back({S::Title, "Форма заявки участника"});
    p.push_back({S::Subtitle, t.title.empty() ? std::string("(untitled tender)") : t.title});
    if (russian && !t.title_ru.empty()) p.push_back({S::Subtitle, t.title_ru});
    if (!t.reference.empty())
        p.push_back({S::Text, std::string(russian ? "Reference / Номер закупки: " : "Reference: ") + t.reference});
    if (!t.lots.empty()) {
        std::string lots;
        for (const auto& l : t.lots)
            if (lot.empty() || l.id == lot)
                lots += (lots.empty() ? "" : "; ") + l.id + (l.name.empty() ? "" : " \xE2\x80\x93 " + l.name);
        const char* label = lot.empty() ? (russian ? "Lots / Лоты: " : "Lots: ") : (russian ? "Lot / Лот: " : "Lot: ");
        p.push_back({S::Text, label + lots});
    }

    p.push_back({S::Heading, "How to fill in this form"});
    const std::vector<std::string> en = {
        "1. Answer on the sheet 'Bid', in the yellow cells of the column 'Your answer' only. All other cells "
        "are protected against accidental changes (without a password).",
        "2. Enter numbers without units or currency: the unit is in the column 'Unit / format'. Enter "
        "percentages as the number of percent: 40 for 40 %.",
        "3. For yes/no and for answers with a fixed set of options, choose from the drop-down list of the cell.",
        "4. Enter dates as YYYY-MM-DD, for example 2026-03-01.",
        "5. Answer every required item. Leave an optional item empty when it does not apply.",
        "6. Attach the documents named in the column 'Evidence to attach' to your bid.",
        std::string("7. ") + (t.lots.empty() || !lot.empty() ? "" : "Fill in one form per lot you bid for. ") +
            "Do not rename the sheets or move rows: the form is read back by a program, which checks each "
            "answer and rejects a form made for another tender.",
        "8. Save the file as an Excel workbook (.xlsx) and submit it with your bid."};
    for (const auto& s : en) p.push_back({S::Text, s});
    if (russian) {
        p.push_back({S::Heading, "Как заполнить форму"});
        const std::vector<std::string> ru = {
            "1. Заполняйте только жёлтые ячейки столбца «Ваш ответ» на листе «Bid». Остальные ячейки "
            "защищены от случайного изменения (без пароля).",
            "2. Числа вводите без единиц измерения и валюты: единица указана в столбце «Единица / формат». "
            "Проценты вводите числом процентов: 40 для 40 %.",
            "3. Для ответов «да/нет» и ответов с фиксированным набором вариантов выберите значение из "
            "раскрывающегося списка ячейки (yes = да, no = нет).",
            "4. Даты вводите в виде ГГГГ-ММ-ДД, например 2026-03-01.",
            "5. Ответьте на все обязательные пункты. Необязательный пункт оставьте пустым, если он неприменим.",
            "6. Приложите к заявке документы, указанные в столбце «Подтверждающие документы».",
            std::string("7. ") + (t.lots.empty() || !lot.empty() ? "" : "Заполните отдельную форму на каждый лот. ") +
                "Не переименовывайте листы и не перемещайте строки: форма читается программой, которая "
                "проверяет каждый ответ и отклоняет форму другой закупки.",
            "8. Сохраните файл как книгу Excel (.xlsx) и подайте его вместе с заявкой."};
        for (const auto& s : ru) p.push_back({S::Text, s});
    }
    p.push_back({S::Small, "Generated by TenderLoop from the tender's evaluation rules." +
                               std::string(russian ? " Создано программой TenderLoop по правилам оценки закупки." : "")});
    return p;
}

}  // namespace tl::io::form
