"""Writes src/safeplan/data/learn/*.json from the texts below (kept here so the wording is easy to
review in one place). Run: .venv/bin/python tools/learn/write_cards.py"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "safeplan" / "data" / "learn"
V = "2026-12-01"

S = {
    "samhsa-toolkit": {
        "name": "SAMHSA: Overdose Prevention and Response Toolkit (2023)",
        "url": "https://store.samhsa.gov/product/samhsa-overdose-prevention-and-response-toolkit/pep23-03-00-001",
        "date": "2023",
    },
    "fda-otc-naloxone": {
        "name": "U.S. FDA: FDA approves first over-the-counter naloxone nasal spray",
        "url": "https://www.fda.gov/news-events/press-announcements/fda-approves-first-over-counter-naloxone-nasal-spray",
        "date": "2023-03-29",
    },
    "who-opioid-overdose": {
        "name": "World Health Organization: Opioid overdose fact sheet",
        "url": "https://www.who.int/news-room/fact-sheets/detail/opioid-overdose",
        "date": "2023",
    },
    "fda-opioids-benzos": {
        "name": "U.S. FDA: Drug Safety Communication on opioids with benzodiazepines (boxed warning)",
        "url": "https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or",
        "date": "2016-08-31",
    },
    "hse-drugs-ie-harm-reduction": {
        "name": "drugs.ie (HSE): harm reduction information for St Patrick's weekend",
        "url": "https://drugs.ie/news/article/hse_issues_harm_reduction_information_ahead_of_st_patricks_weekend",
    },
    "cdc-ssp": {
        "name": "U.S. CDC: Safety and Effectiveness of Syringe Services Programs",
        "url": "https://www.cdc.gov/syringe-services-programs/php/safety-effectiveness.html",
    },
    "hse-hepc-treatment": {
        "name": "HSE National Hepatitis C Treatment Programme: What happens during hepatitis C treatment",
        "url": "https://www.hse.ie/eng/national-hepatitis-c-treatment-programme/hepatitis-c-treatment/what-hepatitis-c-treatment-is/what-hepatitis-c-treatment-is.html",
    },
    "catie-hepc": {
        "name": "CATIE: statement on hepatitis C treatment efficacy among people who use drugs",
        "url": "https://www.catie.ca/node/17872",
    },
    "nasem-moud": {
        "name": "National Academies, Medications for Opioid Use Disorder Save Lives (2019), as quoted by drugpolicyfacts.org",
        "url": "https://www.drugpolicyfacts.org/node/4093",
        "date": "2019",
    },
    "pew-moud": {
        "name": "Pew Charitable Trusts: Medications for Opioid Use Disorder Improve Patient Outcomes",
        "url": "https://www.pewtrusts.org/en/research-and-analysis/fact-sheets/2020/12/medications-for-opioid-use-disorder-improve-patient-outcomes",
        "date": "2020-12",
    },
    "nida-bup-home": {
        "name": "NIDA: A Guide for Patients Beginning Buprenorphine Treatment at Home (stored copy)",
        "url": "http://www.henanqingdian.com/nidamed-medical-health-professionals/discipline-specific-resources/initiating-buprenorphine-treatment-in-emergency-department/guide-patients-beginning-buprenorphine-treatment-home",
        "date": "2018-09",
    },
    "hhs-findtreatment": {
        "name": "U.S. HHS: statements on the launch of FindTreatment.gov",
        "url": "https://www.einpresswire.com/article/500690467/hhs-secretary-azar-samhsa-assistant-secretary-mccance-katz-statements-on-launch-of-findtreatment-gov",
        "date": "2019-10-30",
    },
    "niaaa-aud-meds": {
        "name": "NIAAA, Alcohol Research: Current Reviews: Alcohol Use Disorder: The Role of Medication in Recovery",
        "url": "https://arcr.niaaa.nih.gov/recovery-aud-part-2/alcohol-use-disorder-role-medication-recovery",
    },
    "oasas-aud-meds": {
        "name": "New York State OASAS: Medications for the Treatment of Alcohol Use Disorder",
        "url": "https://oasas.ny.gov/providers/medications-treatment-alcohol-use-disorder",
    },
    "drinkaware-withdrawal": {
        "name": "Drinkaware: Alcohol withdrawal symptoms",
        "url": "https://drinkaware.co.uk/facts/health-effects-of-alcohol/general-health-effects/alcohol-withdrawal-symptoms",
    },
    "alcoholchange-withdrawal": {
        "name": "Alcohol Change UK: Alcohol withdrawal, what to look out for",
        "url": "https://alcoholchange.org.uk/help-and-support/get-help-now/coronavirus-information-and-advice-hub/coronavirus-alcohol-withdrawal-what-to-look-out-for",
    },
    "beyondblue-benzos": {
        "name": "Beyond Blue: Benzodiazepines (how to come off them)",
        "url": "https://www.beyondblue.org.au/mental-health/anxiety/treatments-for-anxiety/medical-treatments-for-anxiety/benzodiazepines",
    },
    "health-gov-au-hotline": {
        "name": "Australian Government Department of Health: Drugs (National Alcohol and Other Drug Hotline)",
        "url": "https://www.health.gov.au/health-topics/drugs",
    },
    "manaake-helpline": {
        "name": "Manaaki (Te Whatu Ora Canterbury and partners): Drugs, alcohol and gambling",
        "url": "https://manaake.health.nz/supporting-your-child/maintaining-positive-family-relationships/drugs-alcohol-and-gambling/",
    },
    "hse-helpline-report-2023": {
        "name": "Laois Nationalist: record numbers contact HSE Drugs and Alcohol Helpline (2023 report)",
        "url": "https://www.laois-nationalist.ie/record-numbers-contact-hse-drug-helpline-with-increase-in-calls-about-alcohol-and-cocaine_arid-53761.html",
    },
}


def src(*keys: str) -> dict[str, dict[str, str]]:
    return {k: S[k] for k in keys}


CARDS = [
    {
        "key": "naloxone",
        "title": "Naloxone and overdose",
        "summary": "What naloxone does, and what to do if someone overdoses",
        "paragraphs": [
            "Naloxone is a medicine that can undo an opioid overdose for a short time. It comes as a nose spray or a shot. Anyone can give it. You do not need training.",
            "Opioids include heroin, fentanyl, methadone and strong pain pills. Fentanyl is often hidden in other drugs. If you are not sure what someone took, give naloxone anyway. It will not harm them.",
            "Signs of an opioid overdose: they will not wake up, their breathing is slow or has stopped, their lips or nails turn blue or grey.",
            "Call for emergency help. Give naloxone. If they do not wake up in two or three minutes, give a second dose if you have one. Stay with them.",
            "Naloxone wears off sooner than many opioids, so the overdose can come back. Stay until help comes. It does not undo alcohol or benzos, so help is still needed.",
            "Keep naloxone where you use, and tell the people around you where it is.",
        ],
        "see_also": ["safeplan overdose", "safeplan crisis"],
        "where": [
            {
                "countries": ["US"],
                "text": "A naloxone nose spray is sold without a prescription, in shops and pharmacies (since 2023).",
                "sources": ["fda-otc-naloxone"],
            }
        ],
        "elsewhere": "Ask at a pharmacy, a drug service or a needle and syringe service how to get naloxone where you live.",
        "sources": src("samhsa-toolkit", "fda-otc-naloxone", "who-opioid-overdose"),
    },
    {
        "key": "tolerance",
        "title": "Tolerance and breaks",
        "summary": "Why a dose you used to take can be too much after a break",
        "paragraphs": [
            "Tolerance is how used to a drug your body is. It drops fast when you stop for a while, even for a few days.",
            "Breaks happen after a stay in hospital, detox, treatment or prison, or when money or supply runs out. After a break, the dose you used to take can stop your breathing.",
            "If you use after a break, start with much less than before. Go slow. Wait to feel the effect before you take more.",
            "Try not to use alone. Have naloxone near you, and someone who can check on you.",
        ],
        "see_also": ["safeplan learn naloxone", "safeplan learn mixing"],
        "where": [],
        "elsewhere": "A drug service can talk with you about using more safely after a break, without judging you.",
        "sources": src("who-opioid-overdose", "hse-drugs-ie-harm-reduction", "samhsa-toolkit"),
    },
    {
        "key": "mixing",
        "title": "Mixing drugs",
        "summary": "Why some mixes are riskier, and how to check a mix",
        "paragraphs": [
            "Taking more than one drug at a time raises the risk of harm. Some mixes are much more risky than each drug on its own.",
            "The most risky mixes are drugs that slow your breathing, taken together. Opioids, benzos, alcohol, GHB and some sleep or nerve pills all do this.",
            "If you do mix, take less of each. Space them out. Do not use alone, and keep naloxone close.",
            "A mix that safeplan does not know is not safe. It only means there is no good data on it yet.",
        ],
        "see_also": ["safeplan combo"],
        "where": [],
        "elsewhere": "A pharmacist can tell you how your own medicines mix with alcohol or other drugs. You do not have to give your name.",
        "sources": src("fda-opioids-benzos", "hse-drugs-ie-harm-reduction", "samhsa-toolkit"),
    },
    {
        "key": "drug-checking",
        "title": "Drug checking",
        "summary": "Test strips, drug checking services, and what they miss",
        "paragraphs": [
            "You cannot tell what is in a pill or powder by how it looks. The same name can hold very different drugs.",
            "A fentanyl test strip shows if fentanyl is there. It does not show how much. It only looks for the drug it was made for, so a clear result is not proof that the drug is safe.",
            "Home test kits have limits. A drug checking service, where there is one, can tell you more.",
            "Whatever the test says, start with a small amount and wait before you take more.",
        ],
        "see_also": ["safeplan learn tolerance", "safeplan combo"],
        "where": [],
        "elsewhere": "Ask a local drug service or needle and syringe service if they have test strips or a drug checking service.",
        "sources": src("samhsa-toolkit", "hse-drugs-ie-harm-reduction"),
    },
    {
        "key": "injecting",
        "title": "Syringe services and safer injecting",
        "summary": "New equipment every time, and places that give it for free",
        "paragraphs": [
            "If you inject, new equipment each time is the best way to avoid hepatitis C, HIV and other infections. That means a new needle, syringe, spoon, filter and water.",
            "Do not share or lend any of it, not even with a partner.",
            "Needle and syringe services give out new equipment and take back used needles safely. Many also offer naloxone, tests, vaccines and a way into treatment.",
            "Studies over many years show these services are safe. People who use them are more likely to start treatment.",
        ],
        "see_also": ["safeplan learn testing", "safeplan learn naloxone"],
        "where": [],
        "elsewhere": "Ask a drug service, a pharmacy or a sexual health clinic where the nearest needle and syringe service is.",
        "sources": src("cdc-ssp"),
    },
    {
        "key": "testing",
        "title": "Hepatitis C, HIV and PrEP",
        "summary": "Tests, the short cure for hepatitis C, and HIV prevention",
        "paragraphs": [
            "Hepatitis C and HIV can pass through shared needles and other equipment. You can have either one and feel fine for years.",
            "A test is the only way to know. Many drug services and needle and syringe services test for free.",
            "Hepatitis C can now be cured with tablets taken for 8 to 12 weeks, with few side effects. The tablets work for more than 95 in 100 people. You can be treated even if you still use drugs.",
            "HIV has good treatment too. PrEP is a medicine that HIV-negative people take to stop HIV. Ask a sexual health clinic if it is right for you.",
        ],
        "see_also": ["safeplan learn injecting"],
        "where": [
            {
                "countries": ["IE"],
                "text": "Hepatitis C tablets are free through the HSE's treatment programme. Ask your doctor or drug service for a test.",
                "sources": ["hse-hepc-treatment"],
            },
            {
                "countries": ["CA"],
                "text": "The treatment guidelines say everyone with hepatitis C can be treated, people who use drugs too. Ask a doctor, a nurse or a harm-reduction service.",
                "sources": ["catie-hepc"],
            },
        ],
        "elsewhere": "Ask a doctor, a drug service or a sexual health clinic about free tests near you.",
        "sources": src("hse-hepc-treatment", "catie-hepc", "cdc-ssp"),
    },
    {
        "key": "opioid-medicines",
        "title": "Medicines for opioid use: methadone, buprenorphine",
        "summary": "Methadone and buprenorphine: what they are, how to start",
        "paragraphs": [
            "Methadone and buprenorphine are medicines for people who use opioids. They stop withdrawal and ease cravings, so you do not feel sick without opioids.",
            "They work. People who take them are about half as likely to die as people with no treatment. They also lower the risk of overdose, hepatitis C and HIV.",
            "You can take them for as long as they help you, even for years. Staying on them is treatment working, not failing.",
            "To start, talk to a doctor or a drug service, or call a treatment line. You do not have to stop everything first.",
            "Methadone is a liquid you take once a day, often at a clinic at first. Buprenorphine is a tablet or film that melts under your tongue. Some places give it as a shot too.",
            "With buprenorphine, you start when you already feel some withdrawal. Starting too soon can make you feel worse. Your doctor will tell you when.",
        ],
        "see_also": ["safeplan learn treatment", "safeplan learn stopping"],
        "where": [
            {
                "countries": ["US"],
                "text": "FindTreatment.gov lists places that offer these medicines, and the SAMHSA National Helpline on 1-800-662-4357 can help you find one.",
                "sources": ["hhs-findtreatment"],
            }
        ],
        "elsewhere": "`safeplan learn treatment` lists drug and alcohol lines for your country, or directories that cover many countries.",
        "sources": src("nasem-moud", "pew-moud", "nida-bup-home", "hhs-findtreatment"),
    },
    {
        "key": "alcohol-medicines",
        "title": "Medicines for alcohol use",
        "summary": "Medicines that can help you drink less or stop",
        "paragraphs": [
            "There are medicines that help people drink less or stop. Few people are offered them, so it is fine to ask.",
            "Naltrexone can ease cravings and cut down heavy drinking. Acamprosate can help you stay off alcohol once you have stopped.",
            "They work best with some support, like talking to a counsellor or a group.",
            "A doctor can tell you if one of them is right for you. If you drink every day, ask them about stopping safely too.",
        ],
        "see_also": ["safeplan learn stopping", "safeplan learn treatment"],
        "where": [],
        "elsewhere": "Ask a doctor or a drug and alcohol service about these medicines.",
        "sources": src("niaaa-aud-meds", "oasas-aud-meds"),
    },
    {
        "key": "stopping",
        "title": "Stopping safely (withdrawal)",
        "summary": "Why stopping alcohol or benzos all at once can be dangerous",
        "paragraphs": [
            "If you drink alcohol every day, or take benzos every day, stopping all at once can be dangerous. It can cause fits (seizures), and these can be deadly.",
            "This is not a reason to keep going. It is a reason to get help to come down slowly and safely.",
            "A doctor or a drug service can help. They may give you medicine for a few days, or a plan to cut down step by step.",
            "Get help right away if you have fits, shake badly, keep being sick, or see or hear things that are not there.",
            "Stopping opioids all at once is rarely deadly, but it is hard. Your tolerance also drops fast, so using again can cause an overdose.",
        ],
        "see_also": ["safeplan learn tolerance", "safeplan learn treatment", "safeplan crisis"],
        "where": [
            {
                "countries": ["GB"],
                "text": "Talk to your GP or your local alcohol or drug service before you stop. If you have severe symptoms, call 999.",
                "sources": ["alcoholchange-withdrawal", "drinkaware-withdrawal"],
            },
            {
                "countries": ["AU"],
                "text": "Your GP can plan a slow reduction with you. The National Alcohol and Other Drug Hotline is on 1800 250 015.",
                "sources": ["beyondblue-benzos", "health-gov-au-hotline"],
            },
            {
                "countries": ["NZ"],
                "text": "The Alcohol Drug Helpline is on 0800 787 797, or text 8681.",
                "sources": ["manaake-helpline"],
            },
        ],
        "elsewhere": "Talk to a doctor or a drug service before you stop. If someone has a fit, call your emergency number.",
        "sources": src(
            "drinkaware-withdrawal",
            "alcoholchange-withdrawal",
            "beyondblue-benzos",
            "who-opioid-overdose",
            "health-gov-au-hotline",
            "manaake-helpline",
        ),
    },
    {
        "key": "mental-health",
        "title": "Your mental health when you use",
        "summary": "Looking after your mind, and getting help with both",
        "paragraphs": [
            "Many people who use drugs or alcohol also live with low mood, worry or hard memories. You deserve help with all of it, not one thing at a time.",
            "Using can ease a hard feeling for a while and then make it come back stronger. Noticing how your mood and your use go together can help you see what you need.",
            "Small things help: sleep, food, water, time outside, and people who do not judge you.",
            "If you have thoughts of ending your life, you do not have to carry them alone. Call a crisis line or use your plan. They help whether or not you have used today.",
        ],
        "see_also": [
            "safeplan crisis",
            "safeplan breathe",
            "safeplan ground",
            "safeplan urge",
            "safeplan checkin",
        ],
        "where": [],
        "elsewhere": "A doctor, a drug service or a crisis line can help with both your mood and your use.",
        "sources": src("hse-helpline-report-2023"),
    },
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for card in CARDS:
        data = {"schema_version": 1, **card, "verified": V}
        (OUT / f"{card['key']}.json").write_text(
            json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(CARDS)} cards to {OUT}")


if __name__ == "__main__":
    main()
