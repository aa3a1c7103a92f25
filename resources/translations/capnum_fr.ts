<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About CapNum</source>
        <translation>À propos de CapNum</translation>
    </message>
    <message>
        <source>Run semi-structured field interviews offline, and never lose a word.</source>
        <translation>Mener des entretiens semi-directifs sur le terrain, hors ligne, sans jamais perdre un mot.</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Dossier des données&#x202f;:</translation>
    </message>
    <message>
        <source>Built with (version, licence):</source>
        <translation>Construit avec (version, licence)&#x202f;:</translation>
    </message>
    <message>
        <source>Open the data folder</source>
        <translation>Ouvrir le dossier des données</translation>
    </message>
</context>
<context>
    <name>AnswerEditors</name>
    <message>
        <source>Other:</source>
        <translation>Autre&#x202f;:</translation>
    </message>
    <message>
        <source>Say which</source>
        <translation>Préciser</translation>
    </message>
</context>
<context>
    <name>AudioPlayerPanel</name>
    <message>
        <source>Back 5 seconds</source>
        <translation>Reculer de 5 secondes</translation>
    </message>
    <message>
        <source>▶ Play</source>
        <translation>▶ Lecture</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>Lecture / pause</translation>
    </message>
    <message>
        <source>Forward 5 seconds</source>
        <translation>Avancer de 5 secondes</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Plus lent</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Plus rapide</translation>
    </message>
    <message>
        <source>No recording for this interview.</source>
        <translation>Pas d’enregistrement pour cet entretien.</translation>
    </message>
    <message>
        <source>This note was not taken during a recording.</source>
        <translation>Cette note n’a pas été prise pendant un enregistrement.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
</context>
<context>
    <name>AudioRecovery</name>
    <message>
        <source>CapNum was closed while recording. Recordings recovered and attached to their interview: %1. At most the last second of each was lost.</source>
        <translation>CapNum a été fermé pendant un enregistrement. Enregistrements récupérés et rattachés à leur entretien&#x202f;: %1. Au plus la dernière seconde de chacun a été perdue.</translation>
    </message>
    <message>
        <source>Recordings recovered</source>
        <translation>Enregistrements récupérés</translation>
    </message>
</context>
<context>
    <name>Autosaver</name>
    <message>
        <source>Not saved yet, retrying: %1</source>
        <translation>Pas encore sauvegardé, nouvel essai&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>BundleExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>Exporter un paquet</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Dossier&#x202f;:</translation>
    </message>
    <message>
        <source>Only what changed since the last sync</source>
        <translation>Seulement ce qui a changé depuis la dernière synchronisation</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>The bundle will be encrypted for the coordinator (%1…).</source>
        <translation>Le paquet sera chiffré pour la coordination (%1…).</translation>
    </message>
    <message>
        <source>No coordinator key is set for this study: the bundle will NOT be encrypted.</source>
        <translation>Aucune clé de coordination pour cette étude&#x202f;: le paquet ne sera PAS chiffré.</translation>
    </message>
    <message>
        <source>Where to write the bundle</source>
        <translation>Où écrire le paquet</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Bundle written: %1</source>
        <translation>Paquet écrit&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>BundleSummaryTable</name>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Provenance</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>Entretiens</translation>
    </message>
    <message>
        <source>Audio files</source>
        <translation>Fichiers audio</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Inchangés</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>already imported</source>
        <translation>déjà importé</translation>
    </message>
    <message>
        <source> (encrypted)</source>
        <translation> (chiffré)</translation>
    </message>
</context>
<context>
    <name>BundlesMenu</name>
    <message>
        <source>Bundles to import</source>
        <translation>Paquets à importer</translation>
    </message>
    <message>
        <source>CapNum bundles (*.capnum);;All files (*)</source>
        <translation>Paquets CapNum (*.capnum);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>&amp;Sync and bundles</source>
        <translation>&amp;Synchronisation et paquets</translation>
    </message>
    <message>
        <source>&amp;Sync now…</source>
        <translation>&amp;Synchroniser…</translation>
    </message>
    <message>
        <source>&amp;Export a bundle…</source>
        <translation>&amp;Exporter un paquet…</translation>
    </message>
    <message>
        <source>&amp;Import bundles…</source>
        <translation>&amp;Importer des paquets…</translation>
    </message>
    <message>
        <source>Import from &amp;folder…</source>
        <translation>Importer depuis un &amp;dossier…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Conflits…</translation>
    </message>
    <message>
        <source>Coordinator &amp;key…</source>
        <translation>&amp;Clé de la coordination…</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts to review</source>
        <translation>Conflits à examiner</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <source>Here (kept)</source>
        <translation>Ici (conservé)</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>No conflict to review.</source>
        <translation>Aucun conflit à examiner.</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Garder la version de cet ordinateur</translation>
    </message>
    <message>
        <source>Take the incoming version</source>
        <translation>Prendre la version reçue</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <source>Answers and notes: the incoming text is added as a note. Interviews: memos are joined and an interview finished on either side stays finished.</source>
        <translation>Réponses et notes&#x202f;: le texte reçu est ajouté en note. Entretiens&#x202f;: les mémos sont réunis et un entretien terminé d’un côté reste terminé.</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Provenance&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Information notice (read it with the person)</source>
        <translation>Notice d’information (à lire avec la personne)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print the notice to hand it over</source>
        <translation>Imprimer la notice pour la remettre</translation>
    </message>
    <message>
        <source>This study has no information notice.</source>
        <translation>Cette étude n’a pas de notice d’information.</translation>
    </message>
    <message>
        <source>Information notice</source>
        <translation>Notice d’information</translation>
    </message>
    <message>
        <source>Consent (each one is asked separately)</source>
        <translation>Consentement (chaque point est demandé séparément)</translation>
    </message>
    <message>
        <source>Agrees to &amp;take part in the interview (required)</source>
        <translation>Accepte de &amp;participer à l’entretien (obligatoire)</translation>
    </message>
    <message>
        <source>Agrees to the &amp;audio recording</source>
        <translation>Accepte l’&amp;enregistrement audio</translation>
    </message>
    <message>
        <source>Agrees to be &amp;quoted without their name</source>
        <translation>Accepte d’être ci&amp;té·e sans son nom</translation>
    </message>
    <message>
        <source>Agrees to be &amp;contacted again</source>
        <translation>Accepte d’être &amp;recontacté·e</translation>
    </message>
    <message>
        <source>Consent given:</source>
        <translation>Consentement donné&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;orally</source>
        <translation>&amp;oralement</translation>
    </message>
    <message>
        <source>in &amp;writing</source>
        <translation>par é&amp;crit</translation>
    </message>
    <message>
        <source>Parent&apos;s or guardian&apos;s name</source>
        <translation>Nom du parent ou du représentant légal</translation>
    </message>
    <message>
        <source>The parent or &amp;guardian agrees</source>
        <translation>Le parent ou représentant lé&amp;gal accepte</translation>
    </message>
    <message>
        <source>The person has not agreed to take part: the interview cannot start.</source>
        <translation>La personne n’a pas accepté de participer&#x202f;: l’entretien ne peut pas commencer.</translation>
    </message>
    <message>
        <source>Under 15: the parent&apos;s or guardian&apos;s name and consent are required.</source>
        <translation>Moins de 15 ans&#x202f;: le nom et l’accord du parent ou représentant légal sont nécessaires.</translation>
    </message>
    <message>
        <source>Print the information notice</source>
        <translation>Imprimer la notice d’information</translation>
    </message>
</context>
<context>
    <name>CoordinatorKeyDialog</name>
    <message>
        <source>Coordinator key</source>
        <translation>Clé de la coordination</translation>
    </message>
    <message>
        <source>From file…</source>
        <translation>Depuis un fichier…</translation>
    </message>
    <message>
        <source>Only on the coordinator&apos;s laptop</source>
        <translation>Seulement sur l’ordinateur de la coordination</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Generate a new key pair…</source>
        <translation>Générer une nouvelle paire de clés…</translation>
    </message>
    <message>
        <source>Study recipient (public):</source>
        <translation>Destinataire de l’étude (public)&#x202f;:</translation>
    </message>
    <message>
        <source>Identity file (private):</source>
        <translation>Fichier d’identité (privé)&#x202f;:</translation>
    </message>
    <message>
        <source>Bundles are encrypted to the recipient; only the identity file opens them. Keep the identity file safe and backed up: without it, encrypted bundles cannot be read. After a change, give the laptops the new study package (Sync now does it through the sync folder).</source>
        <translation>Les paquets sont chiffrés pour le destinataire&#x202f;; seul le fichier d’identité les ouvre. Conservez ce fichier en lieu sûr, avec une sauvegarde&#x202f;: sans lui, les paquets chiffrés sont illisibles. Après un changement, donnez le nouveau paquet d’étude aux ordinateurs («&#x202f;Synchroniser&#x202f;» le fait par le dossier de synchronisation).</translation>
    </message>
    <message>
        <source>Recipient file</source>
        <translation>Fichier du destinataire</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>Fichier d’identité</translation>
    </message>
    <message>
        <source>Folder for the new keys (keep it private)</source>
        <translation>Dossier des nouvelles clés (à garder privé)</translation>
    </message>
</context>
<context>
    <name>CountsPanel</name>
    <message>
        <source>By site:</source>
        <translation>Par site&#x202f;:</translation>
    </message>
    <message>
        <source>By status:</source>
        <translation>Par statut&#x202f;:</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Enquêteur</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Durée</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandonné</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1&#xa0;min</translation>
    </message>
    <message>
        <source>%1 h %2</source>
        <translation>%1&#xa0;h&#xa0;%2</translation>
    </message>
    <message>
        <source>%Y-%m-%d %H:%M</source>
        <translation>%d/%m/%Y %H:%M</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;New interview</source>
        <translation>&amp;Nouvel entretien</translation>
    </message>
    <message>
        <source>Start a new interview (Ctrl+N)</source>
        <translation>Commencer un nouvel entretien (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Continue the selected interview in progress</source>
        <translation>Poursuivre l’entretien en cours sélectionné</translation>
    </message>
    <message>
        <source>Re&amp;view</source>
        <translation>Re&amp;lire</translation>
    </message>
    <message>
        <source>Read and correct the selected completed or abandoned interview</source>
        <translation>Relire et corriger l’entretien terminé ou abandonné sélectionné</translation>
    </message>
    <message>
        <source>%1 of %2 interviews shown</source>
        <translation>%1 entretiens affichés sur %2</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Leave the date empty</source>
        <translation>Laisser la date vide</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No interviews yet</source>
        <translation>Aucun entretien pour l’instant</translation>
    </message>
    <message>
        <source>Start your first interview: choose the site and the participant, record their consent, then follow the grid in whatever order the conversation takes. Everything is saved as you type.</source>
        <translation>Commencez votre premier entretien&#x202f;: choisissez le site et la personne interrogée, recueillez son consentement, puis suivez la grille dans l’ordre que prend la conversation. Tout est enregistré au fil de la saisie.</translation>
    </message>
    <message>
        <source>Start the first interview</source>
        <translation>Commencer le premier entretien</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>CapNum</source>
        <translation>CapNum</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: %1</source>
        <translation>Une erreur inattendue s’est produite&#x202f;: %1</translation>
    </message>
    <message>
        <source>Details were written to %1</source>
        <translation>Les détails ont été écrits dans %1</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export data</source>
        <translation>Exporter les données</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>CSV files for Excel (; separator)</source>
        <translation>Fichiers CSV pour Excel (séparateur «&#x202f;;&#x202f;»)</translation>
    </message>
    <message>
        <source>CSV files for R, Python… (, separator)</source>
        <translation>Fichiers CSV pour R, Python… (séparateur «&#x202f;,&#x202f;»)</translation>
    </message>
    <message>
        <source>JSON document</source>
        <translation>Document JSON</translation>
    </message>
    <message>
        <source>REFI-QDA project for NVivo, ATLAS.ti, MAXQDA, QualCoder (.qdpx)</source>
        <translation>Projet REFI-QDA pour NVivo, ATLAS.ti, MAXQDA, QualCoder (.qdpx)</translation>
    </message>
    <message>
        <source>Grid as a REFI-QDA codebook (.qdc)</source>
        <translation>Grille en livre de codes REFI-QDA (.qdc)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Pseudonymize: no contact details, people&apos;s names replaced</source>
        <translation>&amp;Pseudonymiser&#x202f;: sans coordonnées, noms des personnes remplacés</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Enregistrer dans&#x202f;:</translation>
    </message>
    <message>
        <source>S&amp;ite:</source>
        <translation>S&amp;ite&#x202f;:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatut&#x202f;:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>Commencé&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>&amp;Show in folder</source>
        <translation>&amp;Afficher dans le dossier</translation>
    </message>
    <message>
        <source>Folder for the CSV files</source>
        <translation>Dossier des fichiers CSV</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Choisissez où enregistrer l’export.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>The grid was exported as a codebook to %1.</source>
        <translation>La grille a été exportée en livre de codes dans %1.</translation>
    </message>
    <message>
        <source>%1 interviews exported to %2.</source>
        <translation>%1 entretiens exportés dans %2.</translation>
    </message>
    <message>
        <source>The export failed: nothing was written.</source>
        <translation>L’export a échoué&#x202f;: rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Export cancelled: nothing was written.</source>
        <translation>Export annulé&#x202f;: rien n’a été écrit.</translation>
    </message>
</context>
<context>
    <name>ExportsMenu</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Tables for Excel or R, or a project for qualitative-analysis software</source>
        <translation>Tableaux pour Excel ou R, ou projet pour logiciel d’analyse qualitative</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <source>Interview &amp;summary…</source>
        <translation>&amp;Synthèse d’entretien…</translation>
    </message>
    <message>
        <source>Blank &amp;grid for paper…</source>
        <translation>&amp;Grille vierge pour le papier…</translation>
    </message>
    <message>
        <source>Information &amp;notice and consent form…</source>
        <translation>&amp;Notice d’information et formulaire de consentement…</translation>
    </message>
    <message>
        <source>Study &amp;overview…</source>
        <translation>&amp;Vue d’ensemble de l’étude…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search answers and notes…</source>
        <translation>Rechercher dans les réponses et les notes…</translation>
    </message>
    <message>
        <source>Words are matched from their start, accents ignored (Ctrl+F)</source>
        <translation>Les mots sont cherchés par leur début, sans tenir compte des accents (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show the interviews of one site</source>
        <translation>Afficher les entretiens d’un site</translation>
    </message>
    <message>
        <source>Show the interviews of one interviewer</source>
        <translation>Afficher les entretiens d’un enquêteur ou d’une enquêtrice</translation>
    </message>
    <message>
        <source>Show the interviews with one status</source>
        <translation>Afficher les entretiens d’un statut</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrer&#x202f;:</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Tous les sites</translation>
    </message>
    <message>
        <source>All interviewers</source>
        <translation>Tous les enquêteurs</translation>
    </message>
</context>
<context>
    <name>FinishView</name>
    <message>
        <source>Before finishing</source>
        <translation>Avant de terminer</translation>
    </message>
    <message>
        <source>Not covered yet (double-click or Enter to go back to it):</source>
        <translation>Pas encore abordé (double-clic ou Entrée pour y revenir)&#x202f;:</translation>
    </message>
    <message>
        <source>Themes and questions not covered</source>
        <translation>Thèmes et questions non abordés</translation>
    </message>
    <message>
        <source>Post-interview memo</source>
        <translation>Mémo après l’entretien</translation>
    </message>
    <message>
        <source>Context of the meeting, atmosphere, what struck you, things to follow up…</source>
        <translation>Contexte de la rencontre, ambiance, ce qui vous a frappé, points à suivre…</translation>
    </message>
    <message>
        <source>Abandon instead</source>
        <translation>Abandonner plutôt</translation>
    </message>
    <message>
        <source>Why the interview stops here (required)</source>
        <translation>Pourquoi l’entretien s’arrête ici (obligatoire)</translation>
    </message>
    <message>
        <source>Abandon the interview</source>
        <translation>Abandonner l’entretien</translation>
    </message>
    <message>
        <source>← Back to the interview</source>
        <translation>← Revenir à l’entretien</translation>
    </message>
    <message>
        <source>Finish the interview</source>
        <translation>Terminer l’entretien</translation>
    </message>
    <message>
        <source>Every theme is covered.</source>
        <translation>Tous les thèmes sont abordés.</translation>
    </message>
    <message>
        <source>%1 of %2 themes covered; %3 questions left unanswered.</source>
        <translation>%1 thèmes abordés sur %2&#x202f;; %3 questions sans réponse.</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>Participant code (pseudonym)</source>
        <translation>Code du participant (pseudonyme)</translation>
    </message>
    <message>
        <source>Time since the interview started</source>
        <translation>Temps écoulé depuis le début de l’entretien</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>Commencé le %1</translation>
    </message>
    <message>
        <source>Time %1</source>
        <translation>Durée %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Sauvegarde…</translation>
    </message>
    <message>
        <source>Saved ✓ %1</source>
        <translation>Sauvegardé ✓ %1</translation>
    </message>
    <message>
        <source>Not saved!</source>
        <translation>Non sauvegardé&#x202f;!</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import bundles</source>
        <translation>Importer des paquets</translation>
    </message>
    <message>
        <source>Checking every file before anything is imported…</source>
        <translation>Vérification de chaque fichier avant toute importation…</translation>
    </message>
    <message>
        <source>Coordinator identity file (for encrypted bundles)</source>
        <translation>Fichier d’identité de la coordination (paquets chiffrés)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Verify again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Identity:</source>
        <translation>Identité&#x202f;:</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Coordinator identity</source>
        <translation>Identité de la coordination</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>valide</translation>
    </message>
    <message>
        <source>1 bundle verified and ready to import.</source>
        <translation>1 paquet vérifié, prêt à importer.</translation>
    </message>
    <message>
        <source>%1 bundles verified and ready to import.</source>
        <translation>%1 paquets vérifiés, prêts à importer.</translation>
    </message>
    <message>
        <source>1 refused; it will not be imported:</source>
        <translation>1 refusé&#x202f;; il ne sera pas importé&#x202f;:</translation>
    </message>
    <message>
        <source>1 conflict to review in Data ▸ Sync and bundles ▸ Conflicts.</source>
        <translation>1 conflit à examiner dans Données ▸ Synchronisation et paquets ▸ Conflits.</translation>
    </message>
    <message>
        <source>%1 conflicts to review in Data ▸ Sync and bundles ▸ Conflicts.</source>
        <translation>%1 conflits à examiner dans Données ▸ Synchronisation et paquets ▸ Conflits.</translation>
    </message>
    <message>
        <source>%1 refused; they will not be imported:</source>
        <translation>%1 refusés&#x202f;; ils ne seront pas importés&#x202f;:</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importation…</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>Importation terminée.</translation>
    </message>
</context>
<context>
    <name>InterviewActions</name>
    <message>
        <source>Previous question</source>
        <translation>Question précédente</translation>
    </message>
    <message>
        <source>Next question</source>
        <translation>Question suivante</translation>
    </message>
    <message>
        <source>Previous theme</source>
        <translation>Thème précédent</translation>
    </message>
    <message>
        <source>Next theme</source>
        <translation>Thème suivant</translation>
    </message>
    <message>
        <source>Go to the answer field</source>
        <translation>Aller au champ de réponse</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Flag note as quote</source>
        <translation>Marquer la note comme citation</translation>
    </message>
    <message>
        <source>Flag the note being typed, or the last one, as a quote</source>
        <translation>Marquer comme citation la note en cours, ou la dernière</translation>
    </message>
    <message>
        <source>Flag note as important</source>
        <translation>Marquer la note comme importante</translation>
    </message>
    <message>
        <source>Flag note to follow up</source>
        <translation>Marquer la note «&#x202f;à suivre&#x202f;»</translation>
    </message>
    <message>
        <source>Mark question as skipped</source>
        <translation>Marquer la question comme passée</translation>
    </message>
    <message>
        <source>Mark question as refused</source>
        <translation>Marquer la question comme refusée</translation>
    </message>
    <message>
        <source>Start/stop recording</source>
        <translation>Démarrer/arrêter l’enregistrement</translation>
    </message>
    <message>
        <source>Finish interview…</source>
        <translation>Terminer l’entretien…</translation>
    </message>
    <message>
        <source>Back to dashboard</source>
        <translation>Retour au tableau de bord</translation>
    </message>
    <message>
        <source>Leave this interview; it can be resumed later</source>
        <translation>Quitter cet entretien&#x202f;; il pourra être repris plus tard</translation>
    </message>
    <message>
        <source>Tick follow-up prompt %1</source>
        <translation>Cocher la relance %1</translation>
    </message>
    <message>
        <source>Voice memo on this question…</source>
        <translation>Mémo vocal sur cette question…</translation>
    </message>
</context>
<context>
    <name>InterviewPage</name>
    <message>
        <source>not started</source>
        <translation>non commencé</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>partiel</translation>
    </message>
    <message>
        <source>covered</source>
        <translation>abordé</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>passé</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <source>Allow changes; each change is recorded with your name</source>
        <translation>Autoriser les modifications&#x202f;; chacune est enregistrée avec votre nom</translation>
    </message>
    <message>
        <source>Finish…</source>
        <translation>Terminer…</translation>
    </message>
    <message>
        <source>Back to dashboard</source>
        <translation>Retour au tableau de bord</translation>
    </message>
    <message>
        <source>← Previous</source>
        <translation>← Précédente</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>Suivante →</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <source>No audio consent for this interview</source>
        <translation>Pas d’accord pour l’enregistrement audio de cet entretien</translation>
    </message>
    <message>
        <source>Recording not available</source>
        <translation>Enregistrement indisponible</translation>
    </message>
    <message>
        <source>Recording is only possible during the interview</source>
        <translation>L’enregistrement n’est possible que pendant l’entretien</translation>
    </message>
    <message>
        <source>Audio position unavailable: %1</source>
        <translation>Position audio indisponible&#x202f;: %1</translation>
    </message>
    <message>
        <source>question %1 of %2</source>
        <translation>question %1 sur %2</translation>
    </message>
    <message>
        <source>Delete this note?

« %1 »

It is deleted here and, at the next sync, at the coordinator. This cannot be undone.</source>
        <translation>Supprimer cette note&#x202f;?

«&#x202f;%1&#x202f;»

Elle est supprimée ici et, à la prochaine synchronisation, chez la coordination. C’est définitif.</translation>
    </message>
    <message>
        <source>Delete the note</source>
        <translation>Supprimer la note</translation>
    </message>
    <message>
        <source>Note deleted.</source>
        <translation>Note supprimée.</translation>
    </message>
</context>
<context>
    <name>JobPanel</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé&#x202f;: rien n’a été modifié.</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>Input level</source>
        <translation>Niveau d’entrée</translation>
    </message>
</context>
<context>
    <name>LongTextEditor</name>
    <message>
        <source>What the person says, in their words…</source>
        <translation>Ce que dit la personne, avec ses mots…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Data folder: %1</source>
        <translation>Dossier des données&#x202f;: %1</translation>
    </message>
    <message>
        <source>Database updated; a backup was kept at %1</source>
        <translation>Base de données mise à jour&#x202f;; une sauvegarde a été conservée dans %1</translation>
    </message>
    <message>
        <source>&amp;New interview…</source>
        <translation>&amp;Nouvel entretien…</translation>
    </message>
    <message>
        <source>&amp;Resume interview</source>
        <translation>&amp;Reprendre l’entretien</translation>
    </message>
    <message>
        <source>Re&amp;view interview</source>
        <translation>Re&amp;lire l’entretien</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Open the data &amp;folder</source>
        <translation>Ouvrir le &amp;dossier des données</translation>
    </message>
    <message>
        <source>&amp;About CapNum</source>
        <translation>À &amp;propos de CapNum</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Interview</source>
        <translation>&amp;Entretien</translation>
    </message>
    <message>
        <source>&amp;Data</source>
        <translation>&amp;Données</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>No interview open</source>
        <translation>Aucun entretien ouvert</translation>
    </message>
    <message>
        <source>The interview screens are not available in this version yet.</source>
        <translation>Les écrans d’entretien ne sont pas encore disponibles dans cette version.</translation>
    </message>
    <message>
        <source>Quit CapNum</source>
        <translation>Quitter CapNum</translation>
    </message>
    <message>
        <source>A background task is still running. Quit when it has finished?</source>
        <translation>Une tâche de fond est encore en cours. Quitter dès qu’elle sera terminée&#x202f;?</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
</context>
<context>
    <name>NewInterviewDialog</name>
    <message>
        <source>New interview</source>
        <translation>Nouvel entretien</translation>
    </message>
    <message>
        <source>&amp;Start the interview</source>
        <translation>Co&amp;mmencer l’entretien</translation>
    </message>
    <message>
        <source>S&amp;ite</source>
        <translation>&amp;Site</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Inter&amp;viewer</source>
        <translation>En&amp;quêteur·rice</translation>
    </message>
    <message>
        <source>E&amp;xisting participant:</source>
        <translation>Participant e&amp;xistant&#x202f;:</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Optional: community centre, café, home…</source>
        <translation>Facultatif&#x202f;: centre social, café, domicile…</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Profile (can be completed later)</source>
        <translation>Profil (peut être complété plus tard)</translation>
    </message>
    <message>
        <source>Contact (kept separately)</source>
        <translation>Coordonnées (conservées à part)</translation>
    </message>
    <message>
        <source>Only if the person agrees to be contacted again; never exported</source>
        <translation>Seulement si la personne accepte d’être recontactée&#x202f;; jamais exportées</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>&amp;New participant: %1</source>
        <translation>&amp;Nouveau participant&#x202f;: %1</translation>
    </message>
    <message>
        <source>Type the interviewer&apos;s name.</source>
        <translation>Saisissez le nom de l’enquêteur ou de l’enquêtrice.</translation>
    </message>
</context>
<context>
    <name>NoMatch</name>
    <message>
        <source>No interview matches these filters.</source>
        <translation>Aucun entretien ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>Show all interviews</source>
        <translation>Afficher tous les entretiens</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>New note (Enter to add, Shift+Enter for a new line)</source>
        <translation>Nouvelle note (Entrée pour l’ajouter, Maj+Entrée pour aller à la ligne)</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>❝ Quote</source>
        <translation>❝ Citation</translation>
    </message>
    <message>
        <source>! Important</source>
        <translation>! Important</translation>
    </message>
    <message>
        <source>↻ Follow up</source>
        <translation>↻ À suivre</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete the selected note (Del in the list)</source>
        <translation>Supprimer la note sélectionnée (Suppr dans la liste)</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Leave the number empty</source>
        <translation>Laisser le nombre vide</translation>
    </message>
</context>
<context>
    <name>QtAudioCapture</name>
    <message>
        <source>The microphone “%1” could not be opened.</source>
        <translation>Le microphone «&#x202f;%1&#x202f;» n’a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>The microphone “%1” stopped working (unplugged?).</source>
        <translation>Le microphone «&#x202f;%1&#x202f;» ne fonctionne plus (débranché&#x202f;?).</translation>
    </message>
</context>
<context>
    <name>QuestionView</name>
    <message>
        <source>Comment: what the person added, nuances, context…</source>
        <translation>Commentaire&#x202f;: ce que la personne a ajouté, nuances, contexte…</translation>
    </message>
    <message>
        <source>Follow-up prompts</source>
        <translation>Relances</translation>
    </message>
    <message>
        <source>Tick when asked (%1)</source>
        <translation>Cocher une fois posée (%1)</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Passée</translation>
    </message>
    <message>
        <source>Not asked in this interview (%1)</source>
        <translation>Non posée dans cet entretien (%1)</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>The person preferred not to answer (%1)</source>
        <translation>La personne a préféré ne pas répondre (%1)</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Répondu</translation>
    </message>
    <message>
        <source>Refused to answer</source>
        <translation>Refus de répondre</translation>
    </message>
    <message>
        <source>Not answered yet</source>
        <translation>Pas encore de réponse</translation>
    </message>
</context>
<context>
    <name>RecorderPanel</name>
    <message>
        <source>● Record</source>
        <translation>● Enregistrer</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Recorded time</source>
        <translation>Durée enregistrée</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>No microphone found: plug one in (it will be detected) or check the system sound settings.</source>
        <translation>Aucun microphone trouvé&#x202f;: branchez-en un (il sera détecté) ou vérifiez les réglages du son du système.</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>Démarrer l’enregistrement</translation>
    </message>
    <message>
        <source>Ready to record.</source>
        <translation>Prêt à enregistrer.</translation>
    </message>
    <message>
        <source>■ Stop</source>
        <translation>■ Arrêter</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Arrêter l’enregistrement</translation>
    </message>
    <message>
        <source>Recording — saved to disk every second.</source>
        <translation>Enregistrement en cours — écrit sur le disque chaque seconde.</translation>
    </message>
    <message>
        <source>%1 The recording so far (%2) was kept.</source>
        <translation>%1 L’enregistrement jusqu’ici (%2) a été conservé.</translation>
    </message>
    <message>
        <source>Recording stopped (%1), kept safely.</source>
        <translation>Enregistrement arrêté (%1), conservé en sécurité.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Paused: nothing is being recorded.</source>
        <translation>En pause&#x202f;: rien n’est enregistré.</translation>
    </message>
    <message>
        <source>The microphone was disconnected: recording stopped.</source>
        <translation>Le microphone a été débranché&#x202f;: enregistrement arrêté.</translation>
    </message>
    <message>
        <source>Only %1 MB free on the disk: the recording will stop by itself before it is full.</source>
        <translation>Plus que %1&#x202f;Mo libres sur le disque&#x202f;: l’enregistrement s’arrêtera de lui-même avant qu’il soit plein.</translation>
    </message>
    <message>
        <source>Recording compressed and verified (%1, %2 MB).</source>
        <translation>Enregistrement compressé et vérifié (%1, %2&#x202f;Mo).</translation>
    </message>
    <message>
        <source>Compression cancelled: the full-quality recording is kept and will be compressed later.</source>
        <translation>Compression annulée&#x202f;: l’enregistrement en pleine qualité est conservé et sera compressé plus tard.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Print a report</source>
        <translation>Imprimer un rapport</translation>
    </message>
    <message>
        <source>Summary of the selected interview</source>
        <translation>Synthèse de l’entretien sélectionné</translation>
    </message>
    <message>
        <source>Blank grid, to interview on paper</source>
        <translation>Grille vierge, pour un entretien sur papier</translation>
    </message>
    <message>
        <source>Information notice and consent form</source>
        <translation>Notice d’information et formulaire de consentement</translation>
    </message>
    <message>
        <source>Study overview (counts, coverage, charts)</source>
        <translation>Vue d’ensemble de l’étude (effectifs, couverture, graphiques)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>&amp;Report:</source>
        <translation>&amp;Rapport&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Save to:</source>
        <translation>&amp;Enregistrer dans&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Create PDF</source>
        <translation>&amp;Créer le PDF</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Creating the PDF…</source>
        <translation>Création du PDF…</translation>
    </message>
    <message>
        <source>PDF written to %1</source>
        <translation>PDF enregistré dans %1</translation>
    </message>
    <message>
        <source>The report could not be created.</source>
        <translation>Le rapport n’a pas pu être créé.</translation>
    </message>
</context>
<context>
    <name>ReportPrinting</name>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Print the report from the PDF viewer that opens now.</source>
        <translation>Imprimez le rapport depuis la visionneuse PDF qui s’ouvre.</translation>
    </message>
    <message>
        <source>The printer refused the document: %1</source>
        <translation>L’imprimante a refusé le document&#x202f;: %1</translation>
    </message>
</context>
<context>
    <name>ResumeBanner</name>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Continue where the interview stopped</source>
        <translation>Continuer là où l’entretien s’est arrêté</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <source>Hide this message; the interviews stay in the list</source>
        <translation>Masquer ce message&#x202f;; les entretiens restent dans la liste</translation>
    </message>
    <message>
        <source>1 interview was not finished.</source>
        <translation>1 entretien n’a pas été terminé.</translation>
    </message>
    <message>
        <source>%1 interviews were not finished.</source>
        <translation>%1 entretiens n’ont pas été terminés.</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <source>Post-interview memo</source>
        <translation>Mémo après l’entretien</translation>
    </message>
    <message>
        <source>Edits after the interview</source>
        <translation>Modifications après l’entretien</translation>
    </message>
    <message>
        <source>Edit history</source>
        <translation>Historique des modifications</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>participation: %1</source>
        <translation>participation&#x202f;: %1</translation>
    </message>
    <message>
        <source>audio: %1</source>
        <translation>audio&#x202f;: %1</translation>
    </message>
    <message>
        <source>quotation: %1</source>
        <translation>citation&#x202f;: %1</translation>
    </message>
    <message>
        <source>recontact: %1</source>
        <translation>recontact&#x202f;: %1</translation>
    </message>
    <message>
        <source>oral</source>
        <translation>oral</translation>
    </message>
    <message>
        <source>written</source>
        <translation>écrit</translation>
    </message>
    <message>
        <source>guardian: %1</source>
        <translation>représentant légal&#x202f;: %1</translation>
    </message>
    <message>
        <source>Consent — %1</source>
        <translation>Consentement — %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#x202f;: %2</translation>
    </message>
    <message>
        <source>Abandoned: %1</source>
        <translation>Abandonné&#x202f;: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Answer “%1”: %2 → %3</source>
        <translation>Réponse «&#x202f;%1&#x202f;»&#x202f;: %2 → %3</translation>
    </message>
    <message>
        <source>Note: %1 → %2</source>
        <translation>Note&#x202f;: %1 → %2</translation>
    </message>
    <message>
        <source>Memo edited</source>
        <translation>Mémo modifié</translation>
    </message>
    <message>
        <source>No edit since the interview ended.</source>
        <translation>Aucune modification depuis la fin de l’entretien.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>First name and last name</source>
        <translation>Prénom et nom</translation>
    </message>
    <message>
        <source>Proposed as the interviewer of every new interview on this laptop</source>
        <translation>Proposé comme enquêteur ou enquêtrice de chaque nouvel entretien sur cet ordinateur</translation>
    </message>
    <message>
        <source>The new language is used from the next start of CapNum.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de CapNum.</translation>
    </message>
    <message>
        <source> pt</source>
        <translation>&#xa0;pt</translation>
    </message>
    <message>
        <source>Text size in every window; applied at once</source>
        <translation>Taille du texte dans toutes les fenêtres&#x202f;; appliquée immédiatement</translation>
    </message>
    <message>
        <source>Keep the uncompressed recording after compression</source>
        <translation>Conserver l’enregistrement non compressé après la compression</translation>
    </message>
    <message>
        <source>Uses about 30 times more disk space; the compressed copy is always made and checked</source>
        <translation>Occupe environ 30 fois plus d’espace disque&#x202f;; la copie compressée est toujours créée et vérifiée</translation>
    </message>
    <message>
        <source>Change it with --data-dir or the CAPNUM_DATA_DIR variable</source>
        <translation>Pour le changer, utilisez --data-dir ou la variable CAPNUM_DATA_DIR</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Show the data folder in the file manager</source>
        <translation>Afficher le dossier des données dans le gestionnaire de fichiers</translation>
    </message>
    <message>
        <source>&amp;Interviewer name:</source>
        <translation>Nom de l’&amp;enquêteur&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#x202f;:</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>&amp;Taille du texte&#x202f;:</translation>
    </message>
    <message>
        <source>Audio:</source>
        <translation>Audio&#x202f;:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Dossier des données&#x202f;:</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>CapNum is already open on this data folder:
%1

Switch to the window that is already open, or close it first.</source>
        <translation>CapNum est déjà ouvert sur ce dossier de données&#x202f;:
%1

Passez à la fenêtre déjà ouverte, ou fermez-la d’abord.</translation>
    </message>
    <message>
        <source>This data folder was written by a newer version of CapNum. Install the newer version to open it. Nothing was changed.</source>
        <translation>Ce dossier de données a été écrit par une version plus récente de CapNum. Installez cette version pour l’ouvrir. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>The database in this data folder cannot be read; it may be damaged. Nothing was changed. Automatic backups are kept in the “%1” folder beside it.</source>
        <translation>La base de données de ce dossier est illisible&#x202f;; elle est peut-être endommagée. Rien n’a été modifié. Des sauvegardes automatiques sont conservées à côté, dans le dossier «&#x202f;%1&#x202f;».</translation>
    </message>
    <message>
        <source>The data folder cannot be opened:
%1

%2</source>
        <translation>Impossible d’ouvrir le dossier des données&#x202f;:
%1

%2</translation>
    </message>
    <message>
        <source>The data folder could not be opened.</source>
        <translation>Le dossier de données n’a pas pu être ouvert.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Import from folder</source>
        <translation>Importer depuis un dossier</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Sync folder:</source>
        <translation>Dossier de synchronisation&#x202f;:</translation>
    </message>
    <message>
        <source>Coordinator: publishes the study package there and imports every new bundle once.</source>
        <translation>Coordination&#x202f;: y publie le paquet d’étude et importe une fois chaque nouveau paquet.</translation>
    </message>
    <message>
        <source>Interviewer: takes the coordinator&apos;s grids there and writes this laptop&apos;s new work.</source>
        <translation>Enquêteur ou enquêtrice&#x202f;: y prend les grilles de la coordination et y dépose le nouveau travail de cet ordinateur.</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchroniser</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Dossier de synchronisation</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <source>Nothing new to send.</source>
        <translation>Rien de nouveau à envoyer.</translation>
    </message>
    <message>
        <source>Bundle written: %1</source>
        <translation>Paquet écrit&#x202f;: %1</translation>
    </message>
    <message>
        <source>Study package published: %1</source>
        <translation>Paquet d’étude publié&#x202f;: %1</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>Synchronisation terminée.</translation>
    </message>
</context>
<context>
    <name>TextEditor</name>
    <message>
        <source>Type the answer…</source>
        <translation>Saisir la réponse…</translation>
    </message>
</context>
<context>
    <name>ThemeNavigator</name>
    <message>
        <source>Themes and questions</source>
        <translation>Thèmes et questions</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>Position in the recording</source>
        <translation>Position dans l’enregistrement</translation>
    </message>
</context>
<context>
    <name>UnsavedEdits</name>
    <message>
        <source>An edit could not be saved yet, so the interview stays open. Its text is kept on screen and nothing is lost.

Free some disk space (or wait for the other task using the database to finish), then choose Retry.</source>
        <translation>Une modification n’a pas encore pu être sauvegardée, l’entretien reste donc ouvert. Son texte est conservé à l’écran et rien n’est perdu.

Libérez de la place sur le disque (ou attendez la fin de l’autre tâche qui utilise la base de données), puis choisissez «&#x202f;Réessayer&#x202f;».</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Pas encore sauvegardé</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Stay on the interview</source>
        <translation>Rester sur l’entretien</translation>
    </message>
</context>
<context>
    <name>VoiceMemoDialog</name>
    <message>
        <source>Voice memo</source>
        <translation>Mémo vocal</translation>
    </message>
    <message>
        <source>Memos on this question:</source>
        <translation>Mémos sur cette question&#x202f;:</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <source>being saved…</source>
        <translation>sauvegarde en cours…</translation>
    </message>
    <message>
        <source>Memo %1 · %2</source>
        <translation>Mémo %1 · %2</translation>
    </message>
</context>
<context>
    <name>YesNoEditor</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>_Choice</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Autre…</translation>
    </message>
    <message>
        <source>Say which</source>
        <translation>Préciser</translation>
    </message>
</context>
</TS>
