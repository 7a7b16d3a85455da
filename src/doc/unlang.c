/* doc/unlang.c — the UN's words by language (doc/unlang.h).
 *
 * The words are the UN's conventions, as its editorial manuals and every
 * resolution print them, never one document's: the cover's labels
 * ("Distr.: General" / "Distr. générale" / "Distr. general"), the
 * enacting formula ("The General Assembly," / "L’Assemblée générale," /
 * "La Asamblea General,"), the first words of the clauses.  The UN sets
 * those first words in italics, which pdftotext loses: the words remain.
 *
 * Preambular clauses open with a participle or an adjective: English
 * *Recalling*, *Deeply concerned*; French a present participle in -ant
 * (*Rappelant*, *Ayant examiné*, *Se félicitant*) or an adjective agreeing
 * with the body (*Consciente*, *Profondément préoccupée*: l’Assemblée is
 * feminine, le Conseil masculine); Spanish a gerund in -ando/-iendo
 * (*Recordando*, *Teniendo presente*) or an adjective (*Consciente*,
 * *Profundamente preocupada*).  Operative paragraphs open with a verb in
 * the present: English in -s (*Decides*, *Also requests*), French and
 * Spanish in the third person singular, any adverb after it (*Prie
 * également*, *Decide además*): those verbs are listed. */
#include "doc/unlang.h"

#include <ctype.h>
#include <string.h>

static const char *const en_organization[] = {"United Nations", "UNITED NATIONS", NULL};
static const char *const en_distribution[] = {"Distr.:", "Distr. :", NULL};
static const char *const en_kinds[] = {"General", "Limited", "Restricted", NULL};
static const char *const en_original[] = {"Original:", "ORIGINAL:", NULL};
static const char *const en_session[] = {" session", NULL};
static const char *const en_agenda[] = {"Agenda item", NULL};
static const char *const en_bodies[] = {
	"General Assembly", "Security Council", "Economic and Social Council", "Human Rights Council",
	"Trusteeship Council", "Conference of the Parties", "Conference of the States Parties", "Commission on ",
	"Committee on ", "United Nations Conference", "Executive Board", "Trade and Development Board", NULL,
};
static const char *const en_adopted[] = {"Resolution adopted by", "Decision adopted by", "Adopted by ", NULL};
static const char *const en_proponent[] = {"[on the report of", "[without reference to", NULL};
static const char *const en_articles[] = {"The ", NULL};
static const char *const en_annex[] = {"Annex", "ANNEX", "Enclosure", "Appendix", "Attachment", "Annexes", NULL};
static const char *const en_annex_of[] = {"Annex to ", "Enclosure to ", NULL};
static const char *const en_resolution[] = {"Resolution", NULL};
static const char *const en_decision[] = {"Decision", NULL};
static const char *const en_meeting[] = {"meeting", NULL};
static const char *const en_plenary[] = {"plenary meeting", NULL};
static const char *const en_preamble_ends[] = {"ing", "ed", NULL};
static const char *const en_preamble_words[] = {
	"Mindful", "Aware", "Conscious", "Cognizant", "Deeply", "Gravely", "Seriously", "Fully", "Further",
	"Also", "Bearing", "Keen", "Desirous", "Firmly", "Strongly", "Profoundly", "Sincerely", "Acutely",
	"Greatly", NULL,
};
static const char *const en_operative_adverbs[] = {"also", "further", NULL};
static const char *const en_line_end[] = {
	"of", "the", "and", "to", "for", "in", "on", "with", "by", "a", "an", "at", "from", "or", "as", "its",
	"their", "that", "which", "between", "into", "under", "upon", "against", "among", "than", "per", "via",
	"including", "also", "is", "are", "be", "has", "have", "was", "were", "this", "these", "those", "his",
	"her", "our", "all", "such", NULL,
};
static const char *const en_counting[] = {
	"paragraph", "paragraphs", "para.", "paras.", "resolution", "resolutions", "article", "Article",
	"articles", "annex", "chapter", "No.", "Nos.", "rule", "item", "page", "pages", "section", "decision",
	"decisions", "footnote", "note", "vol.", "p.", "pp.", NULL,
};
static const char *const en_months[] = {"January", "February", "March", "April", "May", "June", "July",
					"August", "September", "October", "November", "December", NULL};

static const struct un_lang english = {
	.tag = "en",
	.organization = en_organization,
	.distribution = en_distribution,
	.distribution_kinds = en_kinds,
	.original = en_original,
	.session_ends = en_session,
	.agenda_opens = en_agenda,
	.bodies = en_bodies,
	.adopted = en_adopted,
	.proponent = en_proponent,
	.formula_articles = en_articles,
	.annex = en_annex,
	.annex_of = en_annex_of,
	.resolution = en_resolution,
	.decision = en_decision,
	.meeting = en_meeting,
	.plenary = en_plenary,
	.preamble_ends = en_preamble_ends,
	.preamble_words = en_preamble_words,
	.operative_adverbs = en_operative_adverbs,
	.line_end_words = en_line_end,
	.counting_nouns = en_counting,
	.months = en_months,
	.day_month = "",
	.month_year = "",
	.after_year = "",
};

/* French: "Distr. générale", "Original : anglais", "Point 58 de l’ordre
 * du jour", "Soixante-dix-huitième session", "Résolution adoptée par
 * l’Assemblée générale le 7 décembre 2023", "[sur la base du rapport de
 * la Première Commission (…)]", "50e séance plénière". */
static const char *const fr_organization[] = {"Nations Unies", "NATIONS UNIES", NULL};
static const char *const fr_distribution[] = {"Distr.", NULL};
static const char *const fr_kinds[] = {"générale", "limitée", "restreinte", "Générale", "Limitée", "Restreinte", NULL};
static const char *const fr_original[] = {"Original :", "Original:", "ORIGINAL :", NULL};
static const char *const fr_session[] = {" session", NULL};
static const char *const fr_agenda[] = {"Point", NULL};
static const char *const fr_agenda_has[] = {"ordre du jour", NULL};
static const char *const fr_bodies[] = {
	"Assemblée générale", "Conseil de sécurité", "Conseil économique et social",
	"Conseil des droits de l’homme", "Conseil des droits de l'homme", "Conseil de tutelle",
	"Conférence des Parties", "Conférence des États parties", "Commission ", "Comité ",
	"Conférence des Nations Unies", "Conseil d’administration", "Conseil du commerce et du développement", NULL,
};
static const char *const fr_adopted[] = {"Résolution adoptée par", "Décision adoptée par", "Adoptée par ", NULL};
static const char *const fr_proponent[] = {"[sur la base du rapport", "[sans renvoi", NULL};
static const char *const fr_articles[] = {"L’", "L'", "Le ", "La ", NULL};
static const char *const fr_heads[] = {"Assemblée", "Conseil", "Conférence", "Commission", "Comité", "Réunion", NULL};
static const char *const fr_annex[] = {"Annexe", "ANNEXE", "Appendice", "Pièce jointe", "Annexes", NULL};
static const char *const fr_annex_of[] = {"Annexe à la ", "Annexe de la ", "Pièce jointe à la ", NULL};
static const char *const fr_resolution[] = {"Résolution", NULL};
static const char *const fr_decision[] = {"Décision", NULL};
static const char *const fr_meeting[] = {"séance", NULL};
static const char *const fr_plenary[] = {"séance plénière", NULL};
static const char *const fr_preamble_ends[] = {"ant", NULL};
static const char *const fr_preamble_words[] = {
	"Consciente", "Conscient", "Convaincue", "Convaincu", "Préoccupée", "Préoccupé", "Alarmée", "Alarmé",
	"Inquiète", "Inquiet", "Résolue", "Résolu", "Déterminée", "Déterminé", "Désireuse", "Désireux",
	"Soucieuse", "Soucieux", "Persuadée", "Persuadé", "Confiante", "Confiant", "Attachée", "Attaché",
	"Profondément", "Vivement", "Gravement", "Sérieusement", "Extrêmement", "Fermement", "Pleinement",
	"Sincèrement", "Particulièrement", "Vu", "Guidée", "Guidé", "Encouragée", "Encouragé", "Troublée",
	"Consternée", "Toujours", "Tout", "Favorable", "Convaincus", "Conscients",
	/* "Ayant examiné", "Ayant à l’esprit": too short for the ending's
	 * rule (a participle has more than two letters before "ant") */
	"Ayant", NULL,
};
static const char *const fr_operative[] = {
	"Accepte", "Accueille", "Adopte", "Affirme", "Appelle", "Apprécie", "Approuve", "Attend", "Autorise",
	"Charge", "Compte", "Condamne", "Confirme", "Considère", "Constate", "Convient", "Décide", "Déclare",
	"Demande", "Dénonce", "Déplore", "Encourage", "Engage", "Entérine", "Estime", "Exhorte", "Exige",
	"Exprime", "Fait", "Félicite", "Incite", "Insiste", "Invite", "Juge", "Lance", "Met", "Note", "Observe",
	"Prend", "Prie", "Proclame", "Réaffirme", "Rappelle", "Recommande", "Reconnaît", "Redit", "Regrette",
	"Réitère", "Rejette", "Remercie", "Rend", "Renouvelle", "Salue", "Sait", "Souhaite",
	"Souligne", "Souscrit", "Soutient", "Suggère", "Proroge", "Est", NULL,
};
static const char *const fr_operative_adverbs[] = {"également", "en outre", "de nouveau", "à nouveau", "aussi",
						   "encore", "vivement", "instamment", "fermement", NULL};
static const char *const fr_tails[] = {"note", "acte", "compte", "avec satisfaction", "avec préoccupation",
				       "avec inquiétude", "avec gratitude", "avec intérêt", "en considération",
				       "à l’esprit", "à l'esprit", NULL};
static const char *const fr_not_participles[] = {"Avant", "Pendant", "Durant", "Cependant", "Maintenant", NULL};
static const char *const fr_line_end[] = {
	"de", "des", "du", "la", "le", "les", "et", "à", "au", "aux", "en", "sur", "pour", "par", "dans",
	"avec", "ou", "que", "qui", "sa", "son", "ses", "leur", "leurs", "un", "une", "entre", "contre", "sans",
	"sous", "vers", "dont", "ce", "cette", "ces", "est", "sont", "notamment", "ainsi", NULL,
};
static const char *const fr_counting[] = {
	"paragraphe", "paragraphes", "par.", "résolution", "résolutions", "article", "Article", "articles",
	"annexe", "chapitre", "no", "nos", "règle", "point", "page", "pages", "section", "décision",
	"décisions", "note", "vol.", "p.", "alinéa", "Supplément", NULL,
};
static const char *const fr_months[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
					"août", "septembre", "octobre", "novembre", "décembre", NULL};

static const struct un_lang french = {
	.tag = "fr",
	.organization = fr_organization,
	.distribution = fr_distribution,
	.distribution_kinds = fr_kinds,
	.original = fr_original,
	.session_ends = fr_session,
	.agenda_opens = fr_agenda,
	.agenda_has = fr_agenda_has,
	.bodies = fr_bodies,
	.adopted = fr_adopted,
	.proponent = fr_proponent,
	.formula_articles = fr_articles,
	.formula_heads = fr_heads,
	.annex = fr_annex,
	.annex_of = fr_annex_of,
	.resolution = fr_resolution,
	.decision = fr_decision,
	.meeting = fr_meeting,
	.plenary = fr_plenary,
	.preamble_ends = fr_preamble_ends,
	.preamble_words = fr_preamble_words,
	.operative_words = fr_operative,
	.operative_adverbs = fr_operative_adverbs,
	.clause_tails = fr_tails,
	.not_participles = fr_not_participles,
	.line_end_words = fr_line_end,
	.counting_nouns = fr_counting,
	.months = fr_months,
	.day_month = "",
	.month_year = "",
	.after_year = "",
	.decimal_comma = true,
};

/* Spanish: "Distr. general", "Original: inglés", "Tema 58 del programa",
 * "Septuagésimo octavo período de sesiones", "Resolución aprobada por la
 * Asamblea General el 7 de diciembre de 2023", "[sobre la base del
 * informe de la Primera Comisión (…)]", "50ª sesión plenaria". */
static const char *const es_organization[] = {"Naciones Unidas", "NACIONES UNIDAS", NULL};
static const char *const es_distribution[] = {"Distr.", NULL};
static const char *const es_kinds[] = {"general", "limitada", "reservada", "General", "Limitada", "Reservada", NULL};
static const char *const es_original[] = {"Original:", "Original :", "ORIGINAL:", NULL};
static const char *const es_session[] = {" período de sesiones", NULL};
static const char *const es_agenda[] = {"Tema", NULL};
static const char *const es_agenda_has[] = {"programa", NULL};
static const char *const es_bodies[] = {
	"Asamblea General", "Consejo de Seguridad", "Consejo Económico y Social", "Consejo de Derechos Humanos",
	"Consejo de Administración Fiduciaria", "Conferencia de las Partes", "Conferencia de los Estados Partes",
	"Comisión ", "Comité ", "Conferencia de las Naciones Unidas", "Junta Ejecutiva",
	"Junta de Comercio y Desarrollo", NULL,
};
static const char *const es_adopted[] = {"Resolución aprobada por", "Decisión aprobada por", "Aprobada por ", NULL};
static const char *const es_proponent[] = {"[sobre la base del informe", "[sin remisión", NULL};
static const char *const es_articles[] = {"La ", "El ", NULL};
static const char *const es_heads[] = {"Asamblea", "Consejo", "Conferencia", "Comisión", "Comité", "Reunión", NULL};
static const char *const es_annex[] = {"Anexo", "ANEXO", "Apéndice", "Adjunto", "Anexos", NULL};
static const char *const es_annex_of[] = {"Anexo de la ", "Anexo a la ", NULL};
static const char *const es_resolution[] = {"Resolución", NULL};
static const char *const es_decision[] = {"Decisión", NULL};
static const char *const es_meeting[] = {"sesión", NULL};
static const char *const es_plenary[] = {"sesión plenaria", NULL};
/* a gerund, and one with its pronoun: "Comprometiéndose", "Proponiéndose" */
static const char *const es_preamble_ends[] = {"ando", "endo", "ándose", "éndose", NULL};
static const char *const es_preamble_words[] = {
	"Consciente", "Convencida", "Convencido", "Preocupada", "Preocupado", "Alarmada", "Alarmado",
	"Decidida", "Decidido", "Resuelta", "Resuelto", "Deseosa", "Deseoso", "Persuadida", "Persuadido",
	"Profundamente", "Gravemente", "Seriamente", "Sumamente", "Firmemente", "Plenamente", "Sinceramente",
	"Particularmente", "Habida", "Guiada", "Guiado", "Conocedora", "Conocedor", "Alentada", "Alentado",
	"Decepcionada", "Determinada", "Comprometida", "Siempre", NULL,
};
static const char *const es_operative[] = {
	"Acepta", "Acoge", "Afirma", "Agradece", "Alienta", "Apoya", "Aprueba", "Autoriza", "Celebra",
	"Condena", "Confirma", "Considera", "Conviene", "Decide", "Declara", "Deplora", "Destaca", "Encarga",
	"Encomia", "Espera", "Estima", "Exhorta", "Exige", "Expresa", "Felicita", "Hace", "Insta", "Invita",
	"Lamenta", "Observa", "Pide", "Pone", "Proclama", "Prorroga", "Reafirma", "Rechaza", "Recomienda",
	"Reconoce", "Recuerda", "Reitera", "Renueva", "Respalda", "Resuelve", "Señala", "Solicita", "Subraya",
	"Toma", "Aguarda", "Es", NULL,
};
static const char *const es_operative_adverbs[] = {"también", "además", "asimismo", "nuevamente", "de nuevo",
						   "encarecidamente", "firmemente", "una vez más", NULL};
static const char *const es_tails[] = {"nota", "presente", "en cuenta", "conocimiento", "con beneplácito",
				       "con preocupación", "con satisfacción", "con reconocimiento", "con aprecio", NULL};
static const char *const es_not_participles[] = {"Cuando", NULL};
static const char *const es_line_end[] = {
	"de", "del", "la", "el", "los", "las", "y", "e", "o", "u", "a", "al", "en", "con", "por", "para",
	"que", "sobre", "entre", "su", "sus", "un", "una", "contra", "sin", "como", "es", "son", "ha", "han",
	"este", "esta", "estos", "estas", "incluidos", "incluidas", NULL,
};
static const char *const es_counting[] = {
	"párrafo", "párrafos", "párr.", "párrs.", "resolución", "resoluciones", "artículo", "Artículo",
	"artículos", "anexo", "capítulo", "núm.", "núms.", "regla", "tema", "página", "páginas", "sección",
	"decisión", "decisiones", "nota", "vol.", "pág.", "págs.", "suplemento", NULL,
};
static const char *const es_months[] = {"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
					"agosto", "septiembre", "octubre", "noviembre", "diciembre", NULL};

static const struct un_lang spanish = {
	.tag = "es",
	.organization = es_organization,
	.distribution = es_distribution,
	.distribution_kinds = es_kinds,
	.original = es_original,
	.session_ends = es_session,
	.agenda_opens = es_agenda,
	.agenda_has = es_agenda_has,
	.bodies = es_bodies,
	.adopted = es_adopted,
	.proponent = es_proponent,
	.formula_articles = es_articles,
	.formula_heads = es_heads,
	.annex = es_annex,
	.annex_of = es_annex_of,
	.resolution = es_resolution,
	.decision = es_decision,
	.meeting = es_meeting,
	.plenary = es_plenary,
	.preamble_ends = es_preamble_ends,
	.preamble_words = es_preamble_words,
	.operative_words = es_operative,
	.operative_adverbs = es_operative_adverbs,
	.clause_tails = es_tails,
	.not_participles = es_not_participles,
	.line_end_words = es_line_end,
	.counting_nouns = es_counting,
	.months = es_months,
	.day_month = "de ",
	.month_year = "de ",
	.after_year = "",
	.decimal_comma = true,
};


/* Russian: the cover keeps "Distr.: General" and its date in English;
 * "Пункт 58 повестки дня", "Семьдесят восьмая сессия", "Резолюция,
 * принятая Генеральной Ассамблеей 7 декабря 2023 года", "[по докладу
 * …]", "50-е пленарное заседание".  The formula has no article
 * ("Генеральная Ассамблея,"); the clauses open in small letters:
 * preambular ones with a verbal adverb (*ссылаясь*, *изучив*,
 * *признавая*) or an adjective (*глубоко обеспокоенная*), operative ones
 * with a verb in the third person (*просит*, *постановляет*,
 * *призывает*), an adverb before it (*также просит*). */
static const char *const ru_organization[] = {"Организация Объединенных Наций", NULL};
static const char *const ru_session[] = {" сессия", NULL};
static const char *const ru_agenda[] = {"Пункт", "Пункты", NULL};
static const char *const ru_agenda_has[] = {"повестки дня", NULL};
static const char *const ru_bodies[] = {
	"Генеральная Ассамблея", "Совет Безопасности", "Экономический и Социальный Совет", "Совет по правам человека",
	"Конференция Сторон", "Конференция государств", "Комиссия ", "Комитет ", NULL,
};
static const char *const ru_adopted[] = {"Резолюция, принятая", "Решение, принятое", "Принята ", NULL};
static const char *const ru_proponent[] = {"[по докладу", "[без передачи", NULL};
static const char *const ru_heads[] = {"Генеральная", "Совет", "Экономический", "Конференция", "Комиссия", "Комитет", NULL};
static const char *const ru_annex[] = {"Приложение", "ПРИЛОЖЕНИЕ", "Приложения", "Добавление", NULL};
static const char *const ru_annex_of[] = {"Приложение к письму", NULL};
static const char *const ru_resolution[] = {"Резолюция", NULL};
static const char *const ru_decision[] = {"Решение", NULL};
static const char *const ru_meeting[] = {"заседание", NULL};
static const char *const ru_plenary[] = {"пленарное заседание", NULL};
/* verbal adverbs: ссылаясь, руководствуясь; приветствуя; изучив,
 * рассмотрев.  Those in -ая and -яя are listed, not guessed from their
 * ending: feminine adjectives end so too ("девятая обзорная
 * конференция", "которая", "последняя"), and open lines inside a
 * clause after a comma. */
static const char *const ru_preamble_ends[] = {"ясь", "уя", "ив", "ев", "ав", "ыв", NULL};
static const char *const ru_preamble_words[] = {
	"будучи", "глубоко", "вновь", "особо", "серьезно", "решительно", "исходя", "сожалея", "высоко",
	"твердо", "настоятельно", "постоянно", "безоговорочно", "углубленно",
	/* the verbal adverbs in -ая, -яя that open the 78th session's clauses */
	"отмечая", "подтверждая", "признавая", "напоминая", "учитывая", "принимая", "подчеркивая", "выражая",
	"сознавая", "заявляя", "считая", "осуждая", "призывая", "обращая", "оценивая", "ожидая", "желая",
	"осознавая", "отдавая", "испытывая", "поощряя", "разделяя", "поддерживая", "одобряя", "полагая",
	"указывая", "повторяя", "предлагая", "рассчитывая", "продолжая", "утверждая", "делая", "рассматривая",
	"понимая", "вспоминая", "выделяя", "отражая", "сохраняя", "определяя", "проявляя", "представляя",
	"осуществляя", "учреждая", "провозглашая", NULL,
};
/* verbal adverbs that became prepositions: "включая" (including),
 * "начиная с", "благодаря", "несмотря на" go on inside a clause */
static const char *const ru_not_participles[] = {"включая", "начиная", "благодаря", "несмотря", "невзирая",
						 "спустя", "погодя", NULL};
static const char *const ru_operative[] = {
	"просит", "постановляет", "призывает", "предлагает", "одобряет", "считает", "подтверждает", "признает",
	"приветствует", "рекомендует", "подчеркивает", "отмечает", "принимает", "выражает", "настоятельно",
	"также", "осуждает", "поддерживает", "утверждает", "заявляет", "напоминает", "побуждает", "поощряет",
	"вновь", "решительно", "далее", "еще", "особо", "ссылается", "учитывает", "обращает", "обращается",
	"требует", "уполномочивает", "ожидает", "констатирует", "высказывается", "приглашает", "повторяет",
	"выступает", "ассигнует", "воздает", "обязуется", "рассчитывает", "дает", "провозглашает", "отвергает",
	"поздравляет", "сознает", "высоко", "безоговорочно", "повторно", "твердо", "самым", NULL,
};
static const char *const ru_operative_adverbs[] = {"также", "далее", "вновь", "настоятельно", NULL};
static const char *const ru_tails[] = {"к сведению", "во внимание", "внимание", "с удовлетворением",
				       "с озабоченностью", "с признательностью", NULL};
static const char *const ru_line_end[] = {
	"и", "в", "во", "на", "с", "со", "о", "об", "по", "к", "ко", "от", "для", "из", "за", "при", "под",
	"над", "что", "а", "или", "его", "ее", "их", "ее", "между", "против", "без", "до", "том", "этой", NULL,
};
static const char *const ru_counting[] = {
	"пункт", "пункта", "пункте", "пункты", "пунктов", "резолюция", "резолюции", "резолюцию", "статья",
	"статьи", "статье", "приложение", "главы", "глава", "№", "решение", "решения", "правило", "стр.", NULL,
};
static const char *const ru_months[] = {"января", "февраля", "марта", "апреля", "мая", "июня", "июля",
					"августа", "сентября", "октября", "ноября", "декабря", NULL};

static const struct un_lang russian = {
	.tag = "ru",
	.organization = ru_organization,
	.distribution = en_distribution,
	.distribution_kinds = en_kinds,
	.original = en_original,
	.session_ends = ru_session,
	.agenda_opens = ru_agenda,
	.agenda_has = ru_agenda_has,
	.bodies = ru_bodies,
	.adopted = ru_adopted,
	.proponent = ru_proponent,
	.formula_heads = ru_heads,
	.annex = ru_annex,
	.annex_of = ru_annex_of,
	.resolution = ru_resolution,
	.decision = ru_decision,
	.meeting = ru_meeting,
	.plenary = ru_plenary,
	.preamble_ends = ru_preamble_ends,
	.preamble_words = ru_preamble_words,
	.not_participles = ru_not_participles,
	.operative_words = ru_operative,
	.operative_adverbs = ru_operative_adverbs,
	.clause_tails = ru_tails,
	.line_end_words = ru_line_end,
	.counting_nouns = ru_counting,
	.months = ru_months,
	.day_month = "",
	.month_year = "",
	.after_year = " года",
	.lower_openings = true,
};

/* Chinese: "联合国", "第七十八届会议", "议程项目58", "2023年12月7日大会决议"
 * (the adoption line opens with its date), "[根据第三委员会的报告
 * (A/78/481，第139段)]", "[未经发交主要委员会而通过 (A/78/L.29)]", the
 * formula "大会，", "第48次全体会议".  No spaces between words and
 * full-width punctuation: a preambular clause ends in "，", an operative
 * one in "；" or "。".  Both open with the same verbs (回顾, 重申, 决定):
 * the clauses are told apart by their place, before or after the first
 * numbered paragraph, not by their words, so the table lists none.  Our
 * PDF edition prints the distribution and the date in English on a
 * Chinese cover ("Distr.: General", "21 December 2023"). */
/* the verbs that open the preamble's clauses (also after 又, 还, 再次:
 * "又回顾", "还重申"), as the UN prints them: only where a line's width
 * cannot tell whether a clause ended (doc/unlang.h, un_cjk_clause_opening) */
static const char *const zh_preamble_words[] = {
	"回顾", "重申", "认识到", "注意到", "欢迎", "表示", "确认", "强调", "意识到", "承认", "铭记", "深信",
	"关切", "深为关切", "审议了", "审查了", "着重指出", "重点指出", "特别指出", "赞赏地", "满意地", "肯定",
	"鼓励", "极为关切", "严重关切", "考虑到", "欣见", "念及", "遵循", "申明", "谴责", "强烈谴责", "赞扬",
	"认为", "期待", "敦促", "痛惜", "决心", "知悉", "忆及", "确信", "深感", "深表", "希望", NULL,
};
static const char *const zh_organization[] = {"联合国", NULL};
static const char *const zh_original[] = {"Original:", "原文：", NULL};
static const char *const zh_session[] = {"届会议", NULL};
static const char *const zh_agenda[] = {"议程项目", NULL};
static const char *const zh_bodies[] = {
	"大会", "安全理事会", "经济及社会理事会", "人权理事会", "托管理事会", "缔约方大会", "缔约国会议",
	"联合国会议", "执行局", "贸易和发展理事会", NULL,
};
/* after the date: "2023年12月7日大会决议" */
static const char *const zh_adopted[] = {"大会决议", "大会决定", "安全理事会决议", "理事会决议", NULL};
static const char *const zh_proponent[] = {"[根据", "[未经发交", NULL};
static const char *const zh_annex[] = {"附件", "附录", NULL};
static const char *const zh_resolution[] = {"决议", NULL};
static const char *const zh_decision[] = {"决定", NULL};
static const char *const zh_meeting[] = {"次会议", NULL};
static const char *const zh_plenary[] = {"全体会议", NULL};

static const struct un_lang chinese = {
	.tag = "zh",
	.organization = zh_organization,
	.distribution = en_distribution,
	.distribution_kinds = en_kinds,
	.original = zh_original,
	.session_ends = zh_session,
	.agenda_opens = zh_agenda,
	.bodies = zh_bodies,
	.adopted = zh_adopted,
	.proponent = zh_proponent,
	.annex = zh_annex,
	.resolution = zh_resolution,
	.decision = zh_decision,
	.meeting = zh_meeting,
	.plenary = zh_plenary,
	.preamble_words = zh_preamble_words,
	.months = en_months,
	.day_month = "",
	.month_year = "",
	.after_year = "",
	.no_spaces = true,
};

/* The words of ordinals and the numbers they add up to: "quatre-vingt-
 * unième" is 4, 20 (four twenties: 80), 1; "octogésimo primer" 80, 1. */
struct ordinal_word {
	const char *word;
	int value;
};

static const struct ordinal_word fr_ordinals[] = {
	{"un", 1}, {"unième", 1}, {"premier", 1}, {"première", 1}, {"deux", 2}, {"deuxième", 2}, {"second", 2},
	{"seconde", 2}, {"trois", 3}, {"troisième", 3}, {"quatre", 4}, {"quatrième", 4}, {"cinq", 5},
	{"cinquième", 5}, {"six", 6}, {"sixième", 6}, {"sept", 7}, {"septième", 7}, {"huit", 8}, {"huitième", 8},
	{"neuf", 9}, {"neuvième", 9}, {"dix", 10}, {"dixième", 10}, {"onze", 11}, {"onzième", 11}, {"douze", 12},
	{"douzième", 12}, {"treize", 13}, {"treizième", 13}, {"quatorze", 14}, {"quatorzième", 14}, {"quinze", 15},
	{"quinzième", 15}, {"seize", 16}, {"seizième", 16}, {"vingt", 20}, {"vingts", 20}, {"vingtième", 20},
	{"trente", 30}, {"trentième", 30}, {"quarante", 40}, {"quarantième", 40}, {"cinquante", 50},
	{"cinquantième", 50}, {"soixante", 60}, {"soixantième", 60}, {"cent", 100}, {"centième", 100}, {"et", 0},
	{NULL, 0},
};

static const struct ordinal_word ru_ordinals[] = {
	{"первая", 1}, {"вторая", 2}, {"третья", 3}, {"четвертая", 4}, {"пятая", 5}, {"шестая", 6},
	{"седьмая", 7}, {"восьмая", 8}, {"девятая", 9}, {"десятая", 10}, {"двадцать", 20}, {"двадцатая", 20},
	{"тридцать", 30}, {"тридцатая", 30}, {"сорок", 40}, {"сороковая", 40}, {"пятьдесят", 50},
	{"пятидесятая", 50}, {"шестьдесят", 60}, {"шестидесятая", 60}, {"семьдесят", 70}, {"семидесятая", 70},
	{"восемьдесят", 80}, {"восьмидесятая", 80}, {"девяносто", 90}, {"девяностая", 90}, {NULL, 0},
};

static const struct ordinal_word es_ordinals[] = {
	{"primer", 1}, {"primero", 1}, {"primera", 1}, {"segundo", 2}, {"segunda", 2}, {"tercer", 3},
	{"tercero", 3}, {"tercera", 3}, {"cuarto", 4}, {"quinto", 5}, {"sexto", 6}, {"séptimo", 7}, {"octavo", 8},
	{"noveno", 9}, {"décimo", 10}, {"undécimo", 11}, {"duodécimo", 12}, {"vigésimo", 20}, {"trigésimo", 30},
	{"cuadragésimo", 40}, {"quincuagésimo", 50}, {"sexagésimo", 60}, {"septuagésimo", 70},
	{"octogésimo", 80}, {"nonagésimo", 90}, {"centésimo", 100}, {NULL, 0},
};

/* "第七十八" → 78: a Chinese ordinal, "第" and the number in Han
 * numerals (tens and units: the sessions run to 99); -1 when it is none. */
static int chinese_ordinal(const char *s, size_t n)
{
	static const char *const digits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
	if (n < 6 || memcmp(s, "第", 3))
		return -1;
	int total = 0, unit = -1;
	for (size_t i = 3; i < n; i += 3) {
		if (n - i < 3)
			return -1;
		if (!memcmp(s + i, "十", 3)) {
			total += 10 * (unit < 0 ? 1 : unit);
			unit = -1;
			continue;
		}
		int d = -1;
		for (int k = 0; k < 10 && d < 0; k++)
			if (!memcmp(s + i, digits[k], 3))
				d = k;
		if (d < 0 || unit >= 0)
			return -1;
		unit = d;
	}
	total += unit > 0 ? unit : 0;
	return total > 0 ? total : -1;
}

int un_ordinal(const struct un_lang *L, const char *s, size_t n)
{
	if (L->no_spaces)
		return chinese_ordinal(s, n);
	const struct ordinal_word *words = !strcmp(L->tag, "fr")   ? fr_ordinals
					   : !strcmp(L->tag, "es") ? es_ordinals
					   : !strcmp(L->tag, "ru") ? ru_ordinals
								   : NULL;
	if (!words || !n)
		return -1;
	int total = 0, prev = 0;
	for (size_t i = 0; i < n;) {
		size_t w = 0;
		while (i + w < n && s[i + w] != '-' && s[i + w] != ' ')
			w++;
		char low[24];
		if (!w || w >= sizeof low)
			return -1;
		memcpy(low, s + i, w);
		low[w] = '\0';
		if (low[0] >= 'A' && low[0] <= 'Z')
			low[0] = (char)(low[0] - 'A' + 'a');
		/* a Cyrillic capital: А-П (U+0410-041F) and Р-Я (U+0420-042F) */
		unsigned char c1 = (unsigned char)low[1];
		if ((unsigned char)low[0] == 0xD0 && c1 >= 0x90 && c1 <= 0x9F)
			low[1] = (char)(c1 + 0x20);
		else if ((unsigned char)low[0] == 0xD0 && c1 >= 0xA0 && c1 <= 0xAF)
			low[0] = (char)0xD1, low[1] = (char)(c1 - 0x20);
		int v = -1;
		for (size_t k = 0; words[k].word && v < 0; k++)
			if (!strcmp(low, words[k].word))
				v = words[k].value;
		if (v < 0)
			return -1;
		/* "quatre-vingt": four twenties */
		total += v == 20 && prev == 4 ? 76 : v;
		prev = v;
		i += w + (i + w < n);
	}
	return total > 0 ? total : -1;
}

const struct un_lang *const un_langs[] = {&english, &french, &spanish, &russian, &chinese, NULL};

const struct un_lang *un_lang_of(const char *tag, bool *has_table)
{
	size_t n = tag ? strcspn(tag, "-_") : 0;
	for (size_t i = 0; un_langs[i]; i++)
		if (n == strlen(un_langs[i]->tag) && !strncmp(tag, un_langs[i]->tag, n)) {
			if (has_table)
				*has_table = true;
			return un_langs[i];
		}
	if (has_table)
		*has_table = false;
	return &english;
}

bool un_word_in(const char *s, size_t n, un_words words)
{
	for (size_t k = 0; words && words[k]; k++)
		if (strlen(words[k]) == n && !memcmp(s, words[k], n))
			return true;
	return false;
}

size_t un_opens_with(const char *s, size_t n, un_words words)
{
	for (size_t k = 0; words && words[k]; k++) {
		size_t w = strlen(words[k]);
		if (w <= n && !memcmp(s, words[k], w))
			return w;
	}
	return 0;
}

/* The code point at s (n bytes at most), its length in *len; a stray
 * byte is itself. */
static unsigned code_point(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c = p[0];
	size_t more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
	if (more >= n) {
		*len = 1;
		return c;
	}
	if (more)
		c &= 0x3Fu >> more;
	for (size_t i = 1; i <= more; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*len = 1;
			return p[0];
		}
		c = c << 6 | (p[i] & 0x3F);
	}
	*len = more + 1;
	return c;
}

bool un_is_letter(const char *s, size_t n, size_t *len)
{
	if (!n)
		return *len = 0, false;
	unsigned c = code_point(s, n, len);
	return (c < 0x80 && ((c | 0x20) - 'a') < 26u) || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x370 && c <= 0x3FF) || (c >= 0x400 && c <= 0x52F);
}

bool un_is_cjk(const char *s, size_t n, size_t *len)
{
	if (!n)
		return *len = 0, false;
	unsigned c = code_point(s, n, len);
	/* CJK punctuation (U+3000-303F), Han (U+3400-4DBF, U+4E00-9FFF),
	 * full-width forms (U+FF00-FFEF) */
	return (c >= 0x3000 && c <= 0x303F) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
	       (c >= 0xFF00 && c <= 0xFFEF);
}

bool un_cjk_clause_opening(const struct un_lang *L, const char *s, size_t n)
{
	static const char *const again[] = {"又", "还", "再次", NULL};
	if (!L->no_spaces)
		return false;
	size_t a = un_opens_with(s, n, again);
	return un_opens_with(s + a, n - a, L->preamble_words) > 0;
}

char un_full_width_end(const char *s, size_t n)
{
	if (n >= 3 && !memcmp(s + n - 3, "\xe3\x80\x82", 3))
		return '.';	/* 。 */
	if (n < 3 || memcmp(s + n - 3, "\xef\xbc", 2))
		return '\0';
	switch ((unsigned char)s[n - 1]) {
	case 0x8c: return ',';
	case 0x9b: return ';';
	case 0x9a: return ':';
	case 0x81: return '!';
	case 0x9f: return '?';
	case 0x89: return ')';
	default: return '\0';
	}
}

bool un_is_upper(const char *s, size_t n)
{
	size_t len;
	if (!n)
		return false;
	unsigned c = code_point(s, n, &len);
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
	       (c >= 0x400 && c <= 0x42F) || (c >= 0x100 && c <= 0x17F && !(c & 1));
}

size_t un_word_len(const char *s, size_t n)
{
	size_t i = 0, len;
	while (i < n) {
		if (un_is_letter(s + i, n - i, &len)) {
			i += len;
			continue;
		}
		/* an inner hyphen (ASCII or U+2010) */
		size_t mark = s[i] == '-' ? 1 : (n - i >= 3 && !memcmp(s + i, "\xe2\x80\x90", 3)) ? 3 : 0;
		if (!mark || i == 0 || i + mark >= n || !un_is_letter(s + i + mark, n - i - mark, &len))
			break;
		i += mark;
	}
	return i;
}

bool un_lower_before(const char *s, size_t at)
{
	size_t start = at - 1, len;
	if ((unsigned char)s[start] < 0x80)
		return s[start] >= 'a' && s[start] <= 'z';
	while (start > 0 && at - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	return un_is_letter(s + start, at - start, &len) && start + len == at && !un_is_upper(s + start, at - start);
}

bool un_closes_before(const char *s, size_t at)
{
	return s[at - 1] == ')' || (at >= 2 && !memcmp(s + at - 2, "\xc2\xbb", 2)) ||
	       (at >= 3 && (!memcmp(s + at - 3, "\xe2\x80\x9d", 3) || !memcmp(s + at - 3, "\xe2\x80\x99", 3)));
}

bool un_decimal_comma(const struct un_lang *L, const char *s, size_t at)
{
	if (!L->decimal_comma || at < 2 || s[at - 1] != ',' || !isdigit((unsigned char)s[at - 2]))
		return false;
	size_t d = at - 2;
	while (d > 0 && isdigit((unsigned char)s[d - 1]))
		d--;
	return at - 1 - d <= 3 && (d == 0 || s[d - 1] == ' ' || s[d - 1] == '(' || s[d - 1] == '\n');
}

/* A reflexive pronoun opening s ("Se ", "S’", "S'"): the offset of the
 * word after it, else 0. */
static size_t reflexive(const char *s, size_t n)
{
	if (n > 3 && !memcmp(s, "Se ", 3))
		return 3;
	if (n > 2 && !memcmp(s, "S'", 2))
		return 2;
	if (n > 4 && !memcmp(s, "S\xe2\x80\x99", 4))
		return 4;
	return 0;
}

/* Does the word s[0..w) end as L's participles do (and is no word that
 * only looks so)? */
static bool participle(const struct un_lang *L, const char *s, size_t w)
{
	if (un_word_in(s, w, L->not_participles))
		return false;
	for (size_t k = 0; L->preamble_ends && L->preamble_ends[k]; k++) {
		size_t e = strlen(L->preamble_ends[k]);
		if (w > e + 2 && !memcmp(s + w - e, L->preamble_ends[k], e))
			return true;
	}
	return false;
}

/* The first word of a clause, when it stands as one (a space, a comma or
 * the end after it): its length, else 0. */
static size_t clause_word(const char *s, size_t n)
{
	size_t w = un_word_len(s, n);
	if (!w || (w < n && s[w] != ' ' && s[w] != ','))
		return 0;
	return w;
}

/* Does a clause open as L's do: a capital (English, French, Spanish), or
 * a small letter (Russian)? */
static bool opens_clause_case(const struct un_lang *L, const char *s, size_t n)
{
	size_t len;
	if (L->lower_openings)
		return un_is_letter(s, n, &len) && !un_is_upper(s, n);
	return un_is_upper(s, n);
}

/* Russian opens many clauses with a preposition and the feeling it names
 * before the verb: "с удовлетворением отмечая", "с озабоченностью
 * отмечает", "с глубокой обеспокоенностью отмечая" (an adjective before
 * the noun).  The offset of the verb after such a lead (a participle or
 * an operative verb, within two words), else 0.  (The UN's own texts
 * type the preposition now and then as a Latin "c": the same letter to
 * the eye, and to pdftotext.) */
static size_t russian_lead(const struct un_lang *L, const char *s, size_t n)
{
	if (!L->lower_openings || n < 6)
		return 0;
	size_t i = !memcmp(s, "с ", 3) ? 3 : !memcmp(s, "со ", 5) ? 5 : !memcmp(s, "c ", 2) ? 2 : 0;
	for (int words = 0; i && words < 2; words++) {
		size_t w = un_word_len(s + i, n - i);
		if (!w || i + w + 1 >= n || s[i + w] != ' ')
			return 0;
		i += w + 1;
		size_t v = clause_word(s + i, n - i);
		if (v && (participle(L, s + i, v) || un_word_in(s + i, v, L->preamble_words) ||
			  un_word_in(s + i, v, L->operative_words)))
			return i;
	}
	return 0;
}

bool un_preamble_opening(const struct un_lang *L, const char *s, size_t n)
{
	if (!opens_clause_case(L, s, n))
		return false;
	size_t lead = russian_lead(L, s, n);
	if (lead) {
		size_t w = clause_word(s + lead, n - lead);
		return w && (participle(L, s + lead, w) || un_word_in(s + lead, w, L->preamble_words));
	}
	size_t r = reflexive(s, n);
	if (r && L->operative_words) {
		size_t w = clause_word(s + r, n - r);
		return w && participle(L, s + r, w);
	}
	size_t w = clause_word(s, n);
	return w && (un_word_in(s, w, L->preamble_words) || participle(L, s, w));
}

bool un_operative_opening(const struct un_lang *L, const char *s, size_t n)
{
	if (!opens_clause_case(L, s, n) || !L->operative_words)
		return false;
	size_t r = reflexive(s, n);
	if (r) {
		size_t w = clause_word(s + r, n - r);
		return w && !participle(L, s + r, w);
	}
	size_t lead = russian_lead(L, s, n);
	size_t w = clause_word(s + lead, n - lead);
	return w && un_word_in(s + lead, w, L->operative_words);
}

/* After s[0..i): " " and one of words, as many times as they come. */
static size_t take_tails(const char *s, size_t n, size_t i, un_words words)
{
	for (bool more = true; more;) {
		more = false;
		for (size_t k = 0; words && words[k] && !more; k++) {
			size_t w = strlen(words[k]);
			if (i + 1 + w <= n && s[i] == ' ' && !memcmp(s + i + 1, words[k], w) &&
			    (i + 1 + w == n || s[i + 1 + w] == ' ' || s[i + 1 + w] == ',')) {
				i += 1 + w;
				more = true;
			}
		}
	}
	return i;
}

/* In a language whose clauses open in small letters (Russian), is
 * s[0..w) one of the table's words that takes the word after it into the
 * clause's opening phrase: an adverb ("глубоко", "вновь"; Russian
 * adverbs end in -о or -ь) or "будучи" (being)?  Not a participle of
 * the list ("сожалея о том …"). */
static bool russian_adverb(const struct un_lang *L, const char *s, size_t w)
{
	if (!L->lower_openings || w < 2 || !un_word_in(s, w, L->preamble_words))
		return false;
	return !memcmp(s + w - 2, "о", 2) || !memcmp(s + w - 2, "ь", 2) || !memcmp(s + w - 2, "и", 2);
}

size_t un_opening_phrase(const struct un_lang *L, const char *s, size_t n, bool operative)
{
	if (operative ? !un_operative_opening(L, s, n) : !un_preamble_opening(L, s, n))
		return 0;
	size_t i = reflexive(s, n) + russian_lead(L, s, n);
	i += un_word_len(s + i, n - i);
	/* "Ayant examiné", "Habiendo examinado", "Profondément préoccupée":
	 * an auxiliary or an adverb takes the word after it */
	bool auxiliary = (i == 5 && !memcmp(s, "Ayant", 5)) || (i == 8 && !memcmp(s, "Habiendo", 8));
	bool adverb = (i > 6 && !memcmp(s + i - 4, "ment", 4)) || (i > 7 && !memcmp(s + i - 5, "mente", 5)) ||
		      russian_adverb(L, s, i);
	/* "Ayant à l’esprit": the auxiliary's phrase is one of the tails */
	size_t tail = auxiliary ? take_tails(s, n, i, L->clause_tails) : i;
	/* (Russian sets an adverb before the operative verb too: "вновь
	 * подтверждает", "настоятельно призывает") */
	if (tail > i)
		i = tail;
	else if ((!operative || L->lower_openings) && (auxiliary || adverb) && i + 1 < n && s[i] == ' ' &&
		 !un_is_upper(s + i + 1, n - i - 1))
		i += 1 + un_word_len(s + i + 1, n - i - 1);
	/* "будучи глубоко обеспокоена": an adverb after the first word
	 * takes the word after it too */
	while (L->lower_openings && !operative && i + 1 < n && s[i] == ' ') {
		size_t b = i, next;
		while (b > 0 && s[b - 1] != ' ')
			b--;
		if (!b || !russian_adverb(L, s + b, i - b) || !(next = un_word_len(s + i + 1, n - i - 1)))
			break;
		i += 1 + next;
	}
	i = take_tails(s, n, i, L->operative_adverbs);
	return take_tails(s, n, i, L->clause_tails);
}

bool un_meeting_line(const struct un_lang *L, const char *s, size_t n, bool plenary)
{
	/* the ordinal's ending: 80th, 50e, 1re, 1er, 50ª, 50º */
	static const char *const ordinal_ends[] = {"st ", "nd ", "rd ", "th ", "e ", "er ", "re ",
						   "\xc2\xaa ", "\xc2\xba ", "-е ", "-й ", NULL};
	/* Chinese: "第48次全体会议", the number between "第" and "次" */
	size_t i = n > 3 && !memcmp(s, "第", 3) ? 3 : 0, lead = i;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	static const char *const chinese_end[] = {"次", NULL};
	size_t e = i > lead ? un_opens_with(s + i, n - i, lead ? chinese_end : ordinal_ends) : 0;
	if (!e)
		return false;
	/* a session taken up again after a recess: "50th (resumed) plenary
	 * meeting" */
	if (i + e < n && s[i + e] == '(' && !lead) {
		const char *close = memchr(s + i + e, ')', n - i - e < 24 ? n - i - e : 24);
		if (close && close + 1 < s + n && close[1] == ' ')
			e = (size_t)(close + 2 - (s + i));
	}
	if (plenary) {
		size_t p = un_opens_with(s + i + e, n - i - e, L->plenary);
		/* "第48次全体会议(续会)": a session resumed */
		return p && (i + e + p == n || s[i + e + p] == ' ' || s[i + e + p] == ',' ||
			     (lead && s[i + e + p] == '('));
	}
	if (n >= 40)
		return false;
	for (size_t l = 0; un_langs[l]; l++)
		for (size_t k = 0; un_langs[l]->meeting[k]; k++) {
			size_t w = strlen(un_langs[l]->meeting[k]);
			for (size_t j = i + e; j + w <= n; j++)
				if (!memcmp(s + j, un_langs[l]->meeting[k], w))
					return true;
		}
	return false;
}

bool un_openings_named(const struct un_lang *L)
{
	return !strcmp(L->tag, "en") || !strcmp(L->tag, "fr") || !strcmp(L->tag, "es") || L->lower_openings;
}
