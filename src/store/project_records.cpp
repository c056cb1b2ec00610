// Evaluation runs and exports: what was computed and handed out, with the rules version it used.
#include "store/project_impl.hpp"

namespace tl::store {

std::int64_t Project::record_run(const std::string& inputs_sha256, bool provisional, const std::string& result_json,
                                 const Actor& actor) {
    Change change(*impl_, actor, "evaluate");
    const int rules_version = current_rules().version;
    change.db()
        .prepare("INSERT INTO evaluation_runs (run_at, run_by, rules_version, inputs_sha256, provisional, result_json) "
                 "VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(change.time(), actor.user, rules_version, inputs_sha256, provisional ? 1 : 0, result_json)
        .run();
    const std::int64_t id = change.db().last_insert_rowid();
    change.details = {{"run", id}, {"rules_version", rules_version}, {"inputs_sha256", inputs_sha256}, {"provisional", provisional}};
    change.commit();
    return id;
}

std::vector<EvaluationRun> Project::runs() const {
    std::vector<EvaluationRun> out;
    auto s = impl_->db.prepare(
        "SELECT id, run_at, run_by, rules_version, inputs_sha256, provisional, result_json FROM evaluation_runs ORDER BY id");
    while (s.step())
        out.push_back({s.int64(0), s.text(1), s.text(2), static_cast<int>(s.int64(3)), s.text(4), s.int64(5) != 0, s.text(6)});
    return out;
}

std::int64_t Project::record_export(const std::string& path, const std::string& file_sha256, const std::string& audit_head,
                                    const Actor& actor) {
    Change change(*impl_, actor, "export");
    const int rules_version = current_rules().version;
    change.db()
        .prepare("INSERT INTO exports (path, file_sha256, exported_at, exported_by, rules_version, audit_head) "
                 "VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(path, file_sha256, change.time(), actor.user, rules_version, audit_head)
        .run();
    const std::int64_t id = change.db().last_insert_rowid();
    change.details = {{"export", id},
                      {"path", path},
                      {"sha256", file_sha256},
                      {"rules_version", rules_version},
                      {"audit_head", audit_head}};
    change.commit();
    return id;
}

std::vector<ExportRecord> Project::exports() const {
    std::vector<ExportRecord> out;
    auto s = impl_->db.prepare(
        "SELECT id, path, file_sha256, exported_at, exported_by, rules_version, audit_head FROM exports ORDER BY id");
    while (s.step())
        out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), static_cast<int>(s.int64(5)), s.text(6)});
    return out;
}

}  // namespace tl::store
