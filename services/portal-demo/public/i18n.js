// The portal's texts in its four languages. Keys are the same in each; English is the fallback.
export const languages = {
  en: "English",
  nl: "Nederlands",
  de: "Deutsch",
  sv: "Svenska",
};

export const texts = {
  en: {
    title: "Helpdesk portal",
    language: "Language",
    welcome: "Welcome",
    signedOutLead: "Sign in to follow your tickets.",
    signIn: "Sign in",
    register: "Create an account",
    signOut: "Sign out",
    signingIn: "Signing you in…",
    signedOut: "You are signed out.",
    signInFailed: "Signing in did not work. Please try again.",
    sessionEnded: "Your session has ended. Please sign in again.",
    account: "Your account",
    name: "Name",
    email: "E-mail address",
    verified: "Verified",
    yes: "Yes",
    no: "No",
    organization: "Organisation",
    noOrganization: "None (a personal address)",
    myTickets: "My tickets",
    ticketsPlaceholder: "Your tickets will be listed here soon. Until then, reply to the helpdesk's e-mails as usual.",
  },
  nl: {
    title: "Helpdeskportaal",
    language: "Taal",
    welcome: "Welkom",
    signedOutLead: "Meld je aan om je tickets te volgen.",
    signIn: "Inloggen",
    register: "Account aanmaken",
    signOut: "Uitloggen",
    signingIn: "Bezig met inloggen…",
    signedOut: "Je bent afgemeld.",
    signInFailed: "Inloggen is niet gelukt. Probeer het opnieuw.",
    sessionEnded: "Je sessie is afgelopen. Meld je opnieuw aan.",
    account: "Je account",
    name: "Naam",
    email: "E-mailadres",
    verified: "Geverifieerd",
    yes: "Ja",
    no: "Nee",
    organization: "Organisatie",
    noOrganization: "Geen (een persoonlijk adres)",
    myTickets: "Mijn tickets",
    ticketsPlaceholder: "Hier staan binnenkort je tickets. Tot die tijd antwoord je gewoon op de e-mails van de helpdesk.",
  },
  de: {
    title: "Helpdesk-Portal",
    language: "Sprache",
    welcome: "Willkommen",
    signedOutLead: "Melden Sie sich an, um Ihre Tickets zu verfolgen.",
    signIn: "Anmelden",
    register: "Konto erstellen",
    signOut: "Abmelden",
    signingIn: "Sie werden angemeldet…",
    signedOut: "Sie sind abgemeldet.",
    signInFailed: "Die Anmeldung hat nicht geklappt. Bitte versuchen Sie es noch einmal.",
    sessionEnded: "Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.",
    account: "Ihr Konto",
    name: "Name",
    email: "E-Mail-Adresse",
    verified: "Bestätigt",
    yes: "Ja",
    no: "Nein",
    organization: "Organisation",
    noOrganization: "Keine (eine private Adresse)",
    myTickets: "Meine Tickets",
    ticketsPlaceholder: "Hier sehen Sie bald Ihre Tickets. Bis dahin antworten Sie wie gewohnt auf die E-Mails des Helpdesks.",
  },
  sv: {
    title: "Helpdeskportal",
    language: "Språk",
    welcome: "Välkommen",
    signedOutLead: "Logga in för att följa dina ärenden.",
    signIn: "Logga in",
    register: "Skapa konto",
    signOut: "Logga ut",
    signingIn: "Loggar in…",
    signedOut: "Du är utloggad.",
    signInFailed: "Inloggningen fungerade inte. Försök igen.",
    sessionEnded: "Din session har upphört. Logga in igen.",
    account: "Ditt konto",
    name: "Namn",
    email: "E-postadress",
    verified: "Verifierad",
    yes: "Ja",
    no: "Nej",
    organization: "Organisation",
    noOrganization: "Ingen (en privat adress)",
    myTickets: "Mina ärenden",
    ticketsPlaceholder: "Här visas snart dina ärenden. Till dess svarar du på helpdeskens e-post som vanligt.",
  },
};

const storageKey = "portal.language";

/** The saved choice, else the first of the browser's languages we have (nl-BE → nl), else English. */
export function pickLanguage(saved = localStorage.getItem(storageKey), preferred = navigator.languages || [navigator.language]) {
  if (saved && saved in texts) {
    return saved;
  }
  for (const tag of preferred) {
    const primary = String(tag).toLowerCase().split("-")[0];
    if (primary in texts) {
      return primary;
    }
  }
  return "en";
}

export function saveLanguage(language) {
  localStorage.setItem(storageKey, language);
}
