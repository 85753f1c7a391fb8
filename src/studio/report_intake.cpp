// The order of a report's checks: 413, 400, 401 (signature), then the store: 202, 401 (another
// key), 409, 422, 200.
#include "studio/report_intake.hpp"

#include "sync/report_signing.hpp"

namespace affiche {

namespace {

IntakeAnswer refused(ScreenStore& store, const std::string& name, const char* kind, int status,
                     const std::string& message, std::int64_t now) {
    store.refuse(name, kind, now);
    return {status, {{"error", message}}};
}

} // namespace

IntakeAnswer take_report(ScreenStore& store, std::string_view body, std::string_view signature,
                         std::int64_t now) {
    if (body.size() > max_report_bytes)
        return refused(store, guess_report_name(body), "oversized", 413,
                       "Rapport trop gros (256 Kio au plus).", now);
    ParsedReport parsed = parse_received_report(body);
    if (!parsed.report)
        return refused(store, parsed.name, "malformed", 400, "Rapport mal formé : " + parsed.error,
                       now);
    const ReceivedReport& r = *parsed.report;
    if (!verify_report_signature(body, signature, r.key))
        return refused(store, r.name, "signature", 401,
                       "Signature absente ou fausse (en-tête X-Affiche-Signature).", now);
    switch (store.receive(r, now)) {
    case ScreenStore::Verdict::accepted:
        return {200, {{"state", "approved"}}};
    case ScreenStore::Verdict::pending:
        return {202, {{"state", "pending"}}};
    case ScreenStore::Verdict::other_key:
        return {401, {{"error", "Cet écran est approuvé avec une autre clé."}}};
    case ScreenStore::Verdict::replayed:
        return {409,
                {{"error", "Rapport rejoué : son compteur n’est pas au-dessus du dernier "
                           "accepté."}}};
    case ScreenStore::Verdict::stale:
        return {422,
                {{"error", "L’heure du rapport diffère de plus de 5 minutes de celle du "
                           "studio."}}};
    }
    return {500, {{"error", "?"}}};
}

} // namespace affiche
