"""Writes src/safeplan/data/treatment/lines.json (drug and alcohol lines and treatment finders).
Each record names the stored pages it was checked against on 2026-12-01. Run:
.venv/bin/python tools/learn/write_treatment.py"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "src" / "safeplan" / "data" / "treatment" / "lines.json"
V = "2026-12-01"

DATA = {
    "schema_version": 1,
    "services": [
        {
            "id": "us-samhsa-national-helpline",
            "country": "US",
            "name": "SAMHSA National Helpline",
            "description": "Free, confidential information and referral to local treatment, support groups and community services, for you or your family. It does not give counselling.",
            "phones": [
                {
                    "display": "1-800-662-4357",
                    "dial": "+18006624357",
                    "note": "also written 1-800-662-HELP",
                },
                {"display": "1-800-487-4889", "dial": "+18004874889", "note": "TTY"},
            ],
            "texts": [
                {
                    "kind": "sms",
                    "display": "435748",
                    "dial": "435748",
                    "note": "text your ZIP code to find help near you (English only)",
                    "confidence": "M",
                }
            ],
            "hours": "24/7",
            "free": True,
            "languages": ["en", "es"],
            "audience": ["substance_use"],
            "website": "samhsa.gov/find-help/national-helpline",
            "sources": [
                {
                    "name": "SAMHSA: National Helpline page (stored copy)",
                    "url": "https://www.samhsa.gov/find-help/national-helpline",
                },
                {
                    "name": "DisasterAssistance.gov: SAMHSA information (web archive)",
                    "url": "https://webarchive.library.unt.edu/web/20161102235127/https://www.disasterassistance.gov/get-assistance/forms-of-assistance/4506/0/D03",
                    "date": "2016-11",
                },
            ],
            "verified": V,
            "confidence": "H",
        },
        {
            "id": "au-national-aod-hotline",
            "country": "AU",
            "name": "National Alcohol and Other Drug Hotline",
            "description": "Free, confidential advice about alcohol and other drugs. It puts you through to the alcohol and drug information service in your state or territory.",
            "phones": [{"display": "1800 250 015", "dial": "+611800250015"}],
            "hours": "24/7",
            "free": True,
            "audience": ["substance_use"],
            "website": "health.gov.au",
            "notes": [
                "In South Australia a counsellor answers from 8:30 am to 10 pm; recorded information is there at other times."
            ],
            "sources": [
                {
                    "name": "Australian Government Department of Health: Drugs",
                    "url": "https://www.health.gov.au/health-topics/drugs",
                },
                {
                    "name": "Mindframe: include the National Alcohol and Other Drugs Hotline in reporting",
                    "url": "https://mindframe.org.au/news/mindframe-encourages-inclusion-of-the-national-alcohol-and-other-drugs-hotline-1800-250-015-in-media-reporting",
                },
                {
                    "name": "eMHPrac directory: National Alcohol and Other Drug Hotline",
                    "url": "https://www.emhprac.org.au/directory/national-alcohol-and-other-drug-hotline/",
                },
            ],
            "verified": V,
            "confidence": "H",
        },
        {
            "id": "nz-alcohol-drug-helpline",
            "country": "NZ",
            "name": "Alcohol Drug Helpline",
            "description": "Free, confidential support from trained alcohol and drug counsellors, about your own use or someone else's.",
            "phones": [{"display": "0800 787 797", "dial": "+64800787797"}],
            "texts": [{"kind": "sms", "display": "8681", "dial": "8681"}],
            "free": True,
            "audience": ["substance_use"],
            "notes": ["Opening hours are not confirmed by a recent source."],
            "sources": [
                {
                    "name": "Manaaki (Te Whatu Ora Canterbury and partners): Drugs, alcohol and gambling",
                    "url": "https://manaake.health.nz/supporting-your-child/maintaining-positive-family-relationships/drugs-alcohol-and-gambling/",
                },
                {
                    "name": "NZ Herald (Northern Advocate): Northland's booze problem",
                    "url": "https://nzherald.co.nz/northern-advocate/news/northlands-booze-problem-worst-in-the-kaipara/YJFGOLJV6J6BKAQW3L2XVKHBYA",
                },
            ],
            "verified": V,
            "confidence": "M",
        },
    ],
    "finders": [
        {
            "id": "us-findtreatment",
            "country": "US",
            "name": "FindTreatment.gov",
            "url": "https://findtreatment.gov",
            "display": "findtreatment.gov",
            "description": "The US government's free, anonymous finder for drug, alcohol and mental health treatment. You can search for places that offer methadone or buprenorphine, and by how you pay.",
            "sources": [
                {
                    "name": "HHS: statements on the launch of FindTreatment.gov",
                    "url": "https://www.einpresswire.com/article/500690467/hhs-secretary-azar-samhsa-assistant-secretary-mccance-katz-statements-on-launch-of-findtreatment-gov",
                    "date": "2019-10-30",
                },
                {
                    "name": "HHS Office of Inspector General: audit of FindTreatment.gov",
                    "url": "https://oig.hhs.gov/reports-and-publications/workplan/summary/wp-summary-0000763.asp",
                },
            ],
            "verified": V,
            "confidence": "H",
        },
        {
            "id": "gb-frank",
            "country": "GB",
            "name": "FRANK",
            "url": "https://www.talktofrank.com",
            "display": "talktofrank.com",
            "description": "The UK's national drugs information service. Its website has facts about drugs and can help you find local drug and alcohol services.",
            "sources": [
                {
                    "name": "Wikipedia: FRANK (drugs)",
                    "url": "https://en.wikipedia.org/wiki/FRANK_(drugs)",
                },
                {
                    "name": "nmmra.org: the National Drugs Helpline, Talk to FRANK",
                    "url": "https://nmmra.org/the-national-drugs-helpline-talk-to-frank-campaign",
                },
            ],
            "verified": V,
            "confidence": "M",
        },
    ],
    "international": [
        {
            "id": "find-a-helpline",
            "name": "Find A Helpline",
            "url": "https://findahelpline.com",
            "display": "findahelpline.com",
            "description": "A free directory of helplines in many countries, searchable by country and topic.",
            "sources": [
                {
                    "name": "iasp.info crisis centres page, which points to Find A Helpline",
                    "url": "https://www.iasp.info/crisis-centres-helplines/",
                }
            ],
            "verified": "2026-11",
        }
    ],
    "not_confirmed": [
        {
            "country": "GB",
            "name": "FRANK phone line",
            "reason": "No stored page gives FRANK's current phone number (older pages give 0800 77 66 00, which may be out of date), so no number is shown. The website is listed instead.",
        },
        {
            "country": "IE",
            "name": "HSE Drugs and Alcohol Helpline",
            "reason": "The number 1800 459 459 appears in one stored news page only, with weekday office hours, and no HSE page was found. It is not shown until a second source, one of them the HSE's own, confirms it.",
        },
        {
            "country": "CA",
            "name": "A national drug and alcohol line",
            "reason": "No national drug and alcohol treatment line for Canada was found in the stored sources. The overdose spotting line NORS is in `safeplan crisis --all`.",
        },
    ],
}


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(DATA, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
