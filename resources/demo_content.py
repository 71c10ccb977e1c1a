"""Demo content for the guides section: topics and guides.

Plain data, free of Django imports, so the demo data command can load it and
tests can read it without a database. Each guide body is a list of blocks in
the shape the guide stream field stores: ``{"type": ..., "value": ...}``.

The facts come from the product brief and link to the official pages they
rest on. Immigration and employment rules change often: before publishing any
of this on a live site, check each guide against its sources and update its
``last_reviewed`` date. The people and businesses quoted are fictional.
"""

TOPICS = [
    {
        "slug": "recruiting",
        "name": "Recruiting and selection",
        "description": (
            "Write job postings, find newcomer candidates and run fair interviews that "
            "judge people on the skills the job needs."
        ),
        "icon": "compass",
    },
    {
        "slug": "credentials",
        "name": "Credentials and experience",
        "description": (
            "Understand international education, licences and work experience, and "
            "stop asking for Canadian experience the job does not need."
        ),
        "icon": "id-card",
    },
    {
        "slug": "work-permits",
        "name": "Work permits and hiring routes",
        "description": (
            "Know who can work for you, which permits and programs apply, and how you "
            "can support a worker's permanent residence."
        ),
        "icon": "passport",
    },
    {
        "slug": "onboarding",
        "name": "Onboarding",
        "description": (
            "Plan a first day, first week and first 90 days that help a new hire "
            "settle in, work safely and stay."
        ),
        "icon": "door",
    },
    {
        "slug": "language",
        "name": "Language at work",
        "description": (
            "Match language requirements to the real job, use the Canadian Language "
            "Benchmarks and find free training for your staff."
        ),
        "icon": "speech",
    },
    {
        "slug": "mentoring",
        "name": "Mentoring and advancement",
        "description": (
            "Pair newcomers with mentors and give them a fair path to promotion, "
            "licensing and leadership."
        ),
        "icon": "ladder",
    },
    {
        "slug": "inclusion",
        "name": "Inclusion and retention",
        "description": (
            "Build a workplace free of racism and discrimination, where people from "
            "every background want to stay."
        ),
        "icon": "heart",
    },
    {
        "slug": "settlement",
        "name": "Family and settlement",
        "description": (
            "Help new hires and their families find housing, schools, health care and "
            "a place in the community."
        ),
        "icon": "home",
    },
]


GUIDES = [
    {
        "slug": "write-inclusive-job-postings",
        "title": "Write job postings that welcome newcomers",
        "summary": (
            "How do I write a job posting that skilled newcomers will read, understand "
            "and answer? Focus on the real requirements, use plain language and say "
            "that you welcome them."
        ),
        "topics": ["recruiting"],
        "stages": ["attract"],
        "last_reviewed": "2026-03-16",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Your job posting is the first filter in your hiring process. A "
                    "posting full of jargon, long wish lists or a demand for “Canadian "
                    "experience” tells many skilled newcomers not to apply, even when "
                    "they could do the job well. A clear, honest posting brings you "
                    "more qualified applicants and fewer that don't fit.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Start with what the job really needs",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Before you write, list the three to five tasks that take most "
                    "of the person's time. Then check every requirement against those "
                    "tasks. If a requirement doesn't help someone do one of them, take "
                    "it out or move it to a short “nice to have” list.</p><p>Be "
                    "careful with requirements that screen people out for reasons "
                    "unrelated to the work. Common examples are a specific Canadian "
                    "degree, years of experience “in Canada”, a driver's licence for a "
                    "job that involves no driving, and “native English speaker”.</p>"
                ),
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "Before you post",
                    "items": [
                        "List the three to five main tasks of the job.",
                        (
                            "Mark each requirement as needed on day one, or something "
                            "you can train."
                        ),
                        (
                            "Replace “Canadian experience” with the skill or knowledge "
                            "you actually need."
                        ),
                        "Add “or equivalent” after any degree or diploma requirement.",
                        (
                            "If the job is regulated, name the licence or certificate "
                            "and the body that issues it."
                        ),
                        (
                            "Describe language needs as tasks, such as “write short "
                            "shift reports in English”."
                        ),
                        "Include the wage or salary range.",
                        (
                            "Ask a colleague outside HR to read the posting and point "
                            "out anything unclear."
                        ),
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Write in plain language", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Many newcomers read English well but are still learning "
                    "workplace slang. Plain language helps them, and it helps every "
                    "other reader too.</p>"
                ),
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Follow a few simple rules:</p><ul><li>Use short sentences and "
                    "common words.</li><li>Spell out acronyms and company terms the "
                    "first time you use them.</li><li>Cut idioms such as “hit the "
                    "ground running” or “wear many hats”.</li><li>Use headings and "
                    "bullet points so people can scan the posting on a "
                    "phone.</li><li>Describe the shift, the location and how to get "
                    "there, including transit if there is any.</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "legal",
                    "heading": "Two BC rules that apply to every posting",
                    "body": (
                        "<p>The <b>BC Human Rights Code</b> does not allow job "
                        "advertisements that express a limitation or preference based "
                        "on protected grounds, such as race, colour, ancestry, place "
                        "of origin, religion, sex or age.</p><p>BC's <b>Pay "
                        "Transparency Act</b> requires employers to include the "
                        "expected pay or pay range in publicly advertised job "
                        "postings, and you may not ask applicants about their pay "
                        "history. Check the official pages for current details.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Show that you welcome newcomers", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Say it plainly. A short line such as “We welcome applications "
                    "from newcomers to Canada and people with international "
                    "experience” tells readers that their background is an asset, not "
                    "a risk.</p><p>Then back it up with facts about how you support "
                    "new staff. Only list supports you really offer, for example a "
                    "paid orientation, a workplace buddy, language training, or help "
                    "with credential recognition. Say that you will provide "
                    "accommodations during the hiring process, and who to contact to "
                    "ask for one.</p>"
                ),
            },
            {
                "type": "employer_story",
                "value": {
                    "quote": (
                        "We cut our posting for line workers from two pages to one, "
                        "dropped the Canadian experience line and added the bus route. "
                        "Applications doubled, and our first three hires from the new "
                        "posting are still with us a year later."
                    ),
                    "name": "Dana Kowalczyk",
                    "role": "HR manager",
                    "organization": "Blue Heron Food Processing, Abbotsford",
                },
            },
            {
                "type": "heading",
                "value": {"text": "Make applying easy", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>A complicated application process loses good people, "
                    "especially those applying on a phone or in their second "
                    "language.</p><ul><li>Accept a resume in any common format, and "
                    "don't require a cover letter unless writing is part of the "
                    "job.</li><li>Keep online forms short, and test them on a "
                    "phone.</li><li>Don't screen out applicants automatically for a "
                    "missing Canadian postal code, Canadian references or Canadian "
                    "education.</li><li>Give a name, an email address or phone number "
                    "for questions, and a date by which you will reply.</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "heading": "Post where newcomers look",
                    "body": (
                        '<p>Post for free on <a href="https://www.jobbank.gc.ca/">Job '
                        "Bank</a>, the Government of Canada's job site, and send the "
                        "posting to local settlement and employment agencies. Our "
                        "guide on finding newcomer candidates lists more places.</p>"
                    ),
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        "Base every requirement on the real tasks of the job.",
                        (
                            "Replace “Canadian experience” with the skill you actually "
                            "need."
                        ),
                        (
                            "Use plain language and include the pay range, as BC law "
                            "requires."
                        ),
                        (
                            "Say that you welcome newcomers, and list the supports you "
                            "really offer."
                        ),
                        "Make applying quick and easy on a phone.",
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "Job Bank",
                            "publisher": "Government of Canada",
                            "url": "https://www.jobbank.gc.ca/",
                        },
                        {
                            "title": "WorkBC: services for employers",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.workbc.ca/",
                        },
                        {
                            "title": "BC Human Rights Tribunal",
                            "publisher": "BC Human Rights Tribunal",
                            "url": "https://www.bchrt.bc.ca/",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "find-newcomer-candidates",
        "title": "Where to find newcomer candidates",
        "summary": (
            "Where can I find skilled newcomers who are ready to work? Free settlement "
            "and employment agencies, job boards such as Job Bank and bridging "
            "programs can send you candidates."
        ),
        "topics": ["recruiting"],
        "stages": ["attract"],
        "last_reviewed": "2025-08-18",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Many skilled newcomers already live in the Fraser Valley and "
                    "are looking for work. They don't always find your postings, and "
                    "you don't always find their resumes. Free, publicly funded "
                    "services exist to close that gap. Most will work with you at no "
                    "cost.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Work with settlement and employment agencies",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Settlement agencies, funded by Immigration, Refugees and "
                    "Citizenship Canada (IRCC) and the Province, help newcomers "
                    "settle, learn English and find work. Their employment staff know "
                    "their clients' skills and can pre-screen and refer candidates who "
                    "match your needs.</p><p>WorkBC Centres offer free employment "
                    "services across BC, including help for employers who are hiring. "
                    "Ask them about hiring events and about wage subsidy programs for "
                    "eligible hires; check the current criteria with them.</p>"
                ),
            },
            {
                "type": "steps",
                "value": {
                    "heading": "How to start working with an agency",
                    "steps": [
                        {
                            "title": (
                                "Ask your Local Immigration Partnership for an "
                                "introduction"
                            ),
                            "body": (
                                "<p>We know the agencies in our region and can connect "
                                "you with the right employment staff.</p>"
                            ),
                        },
                        {
                            "title": "Share your hiring plan",
                            "body": (
                                "<p>Explain which roles you need to fill, how many, "
                                "when, and the skills each role really needs. Send "
                                "your job postings.</p>"
                            ),
                        },
                        {
                            "title": "Agree on how referrals will work",
                            "body": (
                                "<p>Decide how the agency will send candidates, how "
                                "quickly you will respond and who on your team is the "
                                "contact.</p>"
                            ),
                        },
                        {
                            "title": "Give feedback on every referral",
                            "body": (
                                "<p>Tell the agency why a candidate did or didn't fit. "
                                "Good feedback gets you better matches next time.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Post where newcomers look", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    '<p><a href="https://www.jobbank.gc.ca/">Job Bank</a> is the '
                    "Government of Canada's free job board. Many newcomers use it, and "
                    "settlement staff point their clients to it. If you plan to apply "
                    "for a Labour Market Impact Assessment, advertising on Job Bank is "
                    "usually one of the recruitment requirements; check Employment and "
                    "Social Development Canada's current rules.</p><p>Also post on the "
                    '<a href="https://www.workbc.ca/">WorkBC</a> job board, and share '
                    "your posting with community groups, cultural associations, faith "
                    "communities and multilingual newsletters. A posting shared by a "
                    "trusted community contact often reaches people that job boards "
                    "miss.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Use bridging programs, colleges and universities",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Bridging programs help internationally trained professionals, "
                    "such as engineers, nurses and accountants, move into their field "
                    "in Canada. Many include a work placement and are looking for "
                    "employers to host one. A placement lets you see a candidate's "
                    "skills at work before you hire.</p><p>College and university "
                    "career centres can connect you with international students and "
                    "recent graduates. Many graduates hold a post-graduation work "
                    "permit, which lets them work for almost any employer. Co-op and "
                    "internship programs are another way to meet future staff.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Build a sourcing plan", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Referrals from your own staff are quick and often lead to good "
                    "hires. Used alone, though, they tend to bring in people from the "
                    "same few networks. Combine several channels.</p>"
                ),
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "Your newcomer sourcing plan",
                    "items": [
                        "Post every opening on Job Bank and the WorkBC job board.",
                        (
                            "Send each posting to at least two local settlement or "
                            "employment agencies."
                        ),
                        (
                            "Ask your WorkBC Centre about hiring events and wage "
                            "subsidies."
                        ),
                        (
                            "Offer at least one work placement to a bridging program "
                            "each year."
                        ),
                        (
                            "Contact college and university career centres before your "
                            "busy season."
                        ),
                        "Tell staff about openings and how referrals work.",
                        (
                            "Track where each hire came from, so you know which "
                            "channels work."
                        ),
                    ],
                },
            },
            {
                "type": "faq",
                "value": {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": "Do agencies charge employers for referrals?",
                            "answer": (
                                "<p>Publicly funded settlement and employment services "
                                "are usually free for employers. Private recruiters do "
                                "charge. Ask before you start.</p>"
                            ),
                        },
                        {
                            "question": (
                                "Will referred candidates be legally entitled to work?"
                            ),
                            "answer": (
                                "<p>Many agency clients are permanent residents or "
                                "hold open work permits, but not all. Ask every "
                                "candidate the same question: are you legally entitled "
                                "to work in Canada? Our guide on work permits explains "
                                "what to check.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "Settlement agencies and WorkBC Centres refer pre-screened "
                            "candidates for free."
                        ),
                        (
                            "Post on Job Bank and the WorkBC job board, and share "
                            "postings through community networks."
                        ),
                        (
                            "Work placements from bridging programs let you see skills "
                            "before you hire."
                        ),
                        (
                            "Give agencies feedback, and track which channels bring "
                            "you good hires."
                        ),
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "Job Bank",
                            "publisher": "Government of Canada",
                            "url": "https://www.jobbank.gc.ca/",
                        },
                        {
                            "title": "WorkBC: services for employers",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.workbc.ca/",
                        },
                        {
                            "title": "WelcomeBC",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.welcomebc.ca/",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "assess-international-credentials",
        "title": "Assess international credentials and experience",
        "summary": (
            "How do I judge a degree, licence or work history from another country? "
            "First check whether the job is regulated, then use credential assessments "
            "and test the skills directly."
        ),
        "topics": ["credentials"],
        "stages": ["hire"],
        "last_reviewed": "2026-09-08",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>A candidate with ten years as a food safety supervisor in "
                    "Manila or a mechanical engineering degree from Tehran may be "
                    "exactly who you need. But how do you judge qualifications you "
                    "have never seen before? Start with one question: is the job "
                    "regulated?</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Check whether the job is regulated", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>In Canada, some occupations are <b>regulated</b>. To work in "
                    "them, a person needs a licence or certificate from a provincial "
                    "regulator. Examples include engineers, nurses, and electricians "
                    "in many provinces. Each regulator sets its own rules for people "
                    "trained abroad, and only the regulator can grant the "
                    "licence.</p><p>Most occupations are <b>non-regulated</b>. For "
                    "these, you as the employer decide whether a person's education "
                    "and experience are enough. Many jobs in manufacturing, food "
                    "processing, logistics, office work, retail and technology are "
                    "non-regulated.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "important",
                    "heading": "Hiring for a regulated job",
                    "body": (
                        "<p>You can't hire someone into a regulated title, such as "
                        "professional engineer or registered nurse, until the "
                        "regulator licenses them. Many internationally trained "
                        "professionals work in a related role while they go through "
                        "licensing, for example as a technologist or a health care "
                        "assistant. Make sure the duties match what that role is "
                        "allowed to do, and check with the regulator if you are "
                        "unsure.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Use educational credential assessments",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>An educational credential assessment compares a degree, "
                    "diploma or certificate from another country with Canadian "
                    "education. It tells you, for example, that a foreign degree is "
                    "equivalent to a Canadian bachelor's degree. Organizations that do "
                    'this include <a href="https://www.wes.org/ca/">World Education '
                    'Services (WES)</a>, the <a href="https://www.icascanada.ca/'
                    '">International Credential Assessment Service of Canada '
                    '(ICAS)</a> and the <a href="https://www.alberta.ca/'
                    'international-qualifications-assessment">International '
                    "Qualifications Assessment Service (IQAS)</a> run by the "
                    "Government of Alberta.</p><p>Many economic immigrants already "
                    "have an assessment, because IRCC asks for one in some immigration "
                    "programs. Ask whether the candidate has one before you ask for a "
                    "new report. Assessments cost the candidate money and take time, "
                    "so only require one when the education really matters for the "
                    "job.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Assess experience, not just paper", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>A credential tells you what someone studied. It doesn't tell "
                    "you what they can do. For most jobs, the best evidence is the "
                    "skill itself.</p>"
                ),
            },
            {
                "type": "steps",
                "value": {
                    "heading": "Assess a candidate trained abroad in five steps",
                    "steps": [
                        {
                            "title": "Name the skills the job needs",
                            "body": (
                                "<p>List the tasks and the skills behind them. Compare "
                                "them with the duties in the candidate's past jobs, "
                                "not the job titles, which vary between countries.</p>"
                            ),
                        },
                        {
                            "title": "Ask for the documents the candidate already has",
                            "body": (
                                "<p>Diplomas, transcripts, licences, a credential "
                                "assessment and letters from past employers all help. "
                                "Accept translations, and don't insist on originals "
                                "that may be hard to replace.</p>"
                            ),
                        },
                        {
                            "title": "Test the skill directly",
                            "body": (
                                "<p>Use a practical test, a work sample or a short, "
                                "paid trial shift. Use the same test for every "
                                "candidate.</p>"
                            ),
                        },
                        {
                            "title": "Check references abroad",
                            "body": (
                                "<p>International references are valid. Call or use a "
                                "video call, allow for time zones, and ask about "
                                "specific tasks, tools and standards the candidate "
                                "used.</p>"
                            ),
                        },
                        {
                            "title": "Decide and record why",
                            "body": (
                                "<p>Write down how each candidate did against the "
                                "skills you named. A record helps you make fair, "
                                "consistent decisions and explain them if asked.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "When documents are missing", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Some newcomers, especially refugees, left home without their "
                    "diplomas or can't get records from their former employers or "
                    "schools. A missing document is not proof of missing skills. Give "
                    "these candidates another way to show what they can do: a skills "
                    "test, a portfolio, or references from former colleagues who now "
                    "live in Canada or elsewhere.</p><p>Settlement agencies and "
                    "bridging programs can help candidates work out what evidence is "
                    "possible, and regulators often have their own process for "
                    "applicants who can't get their documents.</p>"
                ),
            },
            {
                "type": "faq",
                "value": {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": "Who pays for a credential assessment?",
                            "answer": (
                                "<p>Usually the candidate, which is why you should ask "
                                "for one only when the job really needs it. Some "
                                "employers pay for it as part of a job offer.</p>"
                            ),
                        },
                        {
                            "question": (
                                "How do I find out whether a job is regulated in BC?"
                            ),
                            "answer": (
                                "<p>Check the occupation's profile on <a "
                                'href="https://www.workbc.ca/">WorkBC</a> or <a '
                                'href="https://www.welcomebc.ca/">WelcomeBC</a>, or '
                                "contact the professional or trades body for that "
                                "occupation.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "First check whether the job is regulated. Only a "
                            "provincial regulator can license people to work in it."
                        ),
                        (
                            "For non-regulated jobs, you decide what counts. Base it "
                            "on the skills the job needs."
                        ),
                        (
                            "Credential assessments compare foreign education with "
                            "Canadian education. Ask for one only when education "
                            "matters."
                        ),
                        "Test skills directly and accept international references.",
                        "A missing document is not proof of missing skills.",
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "Get your credentials assessed in Canada",
                            "publisher": "Immigration, Refugees and Citizenship Canada",
                            "url": "https://www.canada.ca/en/immigration-refugees-citizenship/services/new-immigrants/prepare-life-canada/prepare-work/credential-assessment.html",
                        },
                        {
                            "title": "Credential evaluation in Canada",
                            "publisher": "World Education Services",
                            "url": "https://www.wes.org/ca/",
                        },
                        {
                            "title": "Credential assessment",
                            "publisher": (
                                "International Credential Assessment Service of Canada"
                            ),
                            "url": "https://www.icascanada.ca/",
                        },
                        {
                            "title": (
                                "International Qualifications Assessment Service (IQAS)"
                            ),
                            "publisher": "Government of Alberta",
                            "url": "https://www.alberta.ca/international-qualifications-assessment",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "remove-canadian-experience-barrier",
        "title": "Remove the “Canadian experience” barrier",
        "summary": (
            "Can I ask for Canadian experience? A strict requirement can be "
            "discrimination. Learn what human rights law says and what to ask for "
            "instead."
        ),
        "topics": ["credentials", "recruiting"],
        "stages": ["attract", "hire"],
        "last_reviewed": "2026-06-22",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>“Canadian experience required” is one of the barriers "
                    "newcomers mention most often. Employers usually mean something "
                    "reasonable by it: knowing local safety rules, communicating well "
                    "with customers, or understanding how a Canadian workplace runs. "
                    "But as a blanket requirement, it screens out skilled people and "
                    "can break human rights law.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "What human rights law says", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>In 2013 the Ontario Human Rights Commission published a <a "
                    'href="https://www.ohrc.on.ca/en/'
                    'policy-removing-canadian-experience-barrier">policy on removing '
                    "the “Canadian experience” barrier</a>. It says a strict "
                    "requirement for Canadian experience is discrimination on its "
                    "face. An employer can only use such a requirement in very limited "
                    "circumstances, and must be able to show that it is a real "
                    "requirement of the job.</p><p>That policy applies in Ontario, but "
                    "human rights codes across Canada protect place of origin and "
                    "ethnic origin. In British Columbia, the Human Rights Code "
                    "protects people from discrimination in employment based on "
                    "grounds that include race, colour, ancestry and place of origin. "
                    'Complaints go to the <a href="https://www.bchrt.bc.ca/">BC Human '
                    "Rights Tribunal</a>.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "legal",
                    "heading": "General information, not legal advice",
                    "body": (
                        "<p>This guide explains general principles. If you are unsure "
                        "whether a requirement is justified, get legal advice or check "
                        "the BC Human Rights Tribunal's information for employers.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Name what you really need", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Ask yourself what “Canadian experience” stands for in each "
                    "job. Usually it is a specific skill or piece of knowledge. Name "
                    "it, then test for it or train it.</p><ul><li><b>“Knows Canadian "
                    "safety rules”</b> becomes: follows safe work procedures. Train "
                    "everyone on WorkSafeBC requirements in "
                    "orientation.</li><li><b>“Communicates well with our "
                    "customers”</b> becomes: can explain a product and handle a "
                    "complaint. Test it with a short role play.</li><li><b>“Knows "
                    "Canadian codes and standards”</b> becomes: can apply a named code "
                    "or standard. Test it, or plan time to learn it.</li><li><b>“Fits "
                    "our culture”</b> becomes: the specific behaviours you value, such "
                    "as asking for help or meeting deadlines. Ask about "
                    "examples.</li></ul>"
                ),
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "Replace “Canadian experience” in your process",
                    "items": [
                        (
                            "Remove “Canadian experience” from job postings and "
                            "screening questions."
                        ),
                        (
                            "Check that your applicant tracking system doesn't filter "
                            "out applicants with only international experience."
                        ),
                        (
                            "Write down the skills that the requirement was meant to "
                            "capture."
                        ),
                        "Add a way to test each of those skills.",
                        "Accept references from employers outside Canada.",
                        "Plan onboarding that teaches local rules and practices.",
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Offer ways to gain local experience", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Some skills really do take time in a Canadian workplace to "
                    "learn. Instead of asking candidates to arrive with them, help "
                    "them build them with you. Host a work placement from a bridging "
                    "program, offer a paid internship, or hire into a training role "
                    "with a clear path to the full position.</p>"
                ),
            },
            {
                "type": "employer_story",
                "value": {
                    "quote": (
                        "We used to ask for two years of Canadian experience for our "
                        "millwrights. When we looked at why, it came down to our "
                        "safety procedures and local building codes. Now we test trade "
                        "skills in a practical assessment and teach the rest in the "
                        "first month. We have hired four newcomers that way."
                    ),
                    "name": "Raj Sandhu",
                    "role": "Plant manager",
                    "organization": "Hillcrest Millwork, Mission",
                },
            },
            {
                "type": "heading",
                "value": {"text": "Track your results", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Once you have changed your process, check whether it works. "
                    "Look at how many applicants with international experience reach "
                    "the interview, how many receive offers, and how they do after six "
                    "months. If newcomers drop out at one stage, look closely at that "
                    "stage.</p>"
                ),
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "A strict “Canadian experience” requirement can be "
                            "discrimination under human rights law."
                        ),
                        (
                            "BC's Human Rights Code protects people from employment "
                            "discrimination based on place of origin, among other "
                            "grounds."
                        ),
                        "Name the real skill you need, then test it or train it.",
                        (
                            "Accept international references and offer ways to gain "
                            "local experience."
                        ),
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": (
                                "Policy on removing the “Canadian experience” barrier "
                                "(2013)"
                            ),
                            "publisher": "Ontario Human Rights Commission",
                            "url": "https://www.ohrc.on.ca/en/policy-removing-canadian-experience-barrier",
                        },
                        {
                            "title": "BC Human Rights Tribunal",
                            "publisher": "BC Human Rights Tribunal",
                            "url": "https://www.bchrt.bc.ca/",
                        },
                        {
                            "title": "WelcomeBC",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.welcomebc.ca/",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "interview-across-cultures",
        "title": "Interview across cultures and reduce bias",
        "summary": (
            "How do I run an interview that is fair to candidates from other cultures? "
            "Use structured questions, know where cultural differences show up and "
            "judge only job-related skills."
        ),
        "topics": ["recruiting"],
        "stages": ["hire"],
        "last_reviewed": "2026-05-11",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Interviews reward candidates who know the unwritten rules: "
                    "make eye contact, sell yourself, make small talk, ask a question "
                    "at the end. Those rules differ between cultures, and none of them "
                    "tells you whether someone can do the job. A few changes make your "
                    "interviews fairer and better at finding the right person.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Use a structured interview", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>In a structured interview, every candidate gets the same "
                    "job-related questions and is scored against the same guide. "
                    "Structured interviews are fairer than informal conversations and "
                    "better at predicting how people will do in the job.</p>"
                ),
            },
            {
                "type": "steps",
                "value": {
                    "heading": "Build a structured interview",
                    "steps": [
                        {
                            "title": "Choose four to six criteria",
                            "body": (
                                "<p>Base them on the tasks of the job, for example "
                                "“follows food safety procedures” or “solves problems "
                                "with equipment”.</p>"
                            ),
                        },
                        {
                            "title": "Write questions for each criterion",
                            "body": (
                                "<p>Ask about real past situations, such as “Tell me "
                                "about a time you found a safety problem on the line. "
                                "What did you do?”</p>"
                            ),
                        },
                        {
                            "title": "Write a scoring guide",
                            "body": (
                                "<p>Describe what a weak, good and strong answer looks "
                                "like for each question, before you meet any "
                                "candidate.</p>"
                            ),
                        },
                        {
                            "title": "Interview as a panel",
                            "body": (
                                "<p>Two or three interviewers, ideally with different "
                                "backgrounds, reduce the effect of any one person's "
                                "bias.</p>"
                            ),
                        },
                        {
                            "title": "Score alone, then discuss",
                            "body": (
                                "<p>Each interviewer scores independently before the "
                                "panel compares notes. This stops the loudest voice "
                                "deciding.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Know where cultural differences show up",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Some behaviours that interviewers read as signs of confidence "
                    "or honesty are just cultural habits. Don't score "
                    "them.</p><ul><li><b>Eye contact.</b> In some cultures, looking "
                    "down is a sign of respect toward someone "
                    "senior.</li><li><b>Self-promotion.</b> Many candidates are taught "
                    "to say “we” rather than “I” and to avoid "
                    "boasting.</li><li><b>Directness.</b> Some candidates won't say "
                    "they disagree with a former manager, or will give a long context "
                    "before the answer.</li><li><b>Pauses.</b> A candidate working in "
                    "a second language may need a moment to think. Silence is not a "
                    "weak answer.</li></ul>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "heading": "Ask a follow-up question",
                    "body": (
                        "<p>If an answer is modest or vague, ask “What was your part "
                        "in that?” or “What did you do first?” You will learn much "
                        "more than by marking it down.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Make the interview accessible", "level": "h2"},
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "Interview checklist",
                    "items": [
                        (
                            "Tell candidates ahead of time what the format is, who "
                            "they will meet and how long it takes."
                        ),
                        "Ask every candidate whether they need an accommodation.",
                        "Offer a phone or video option when travel would be hard.",
                        "Speak plainly, ask one question at a time and avoid slang.",
                        "Let candidates ask you to repeat or rephrase a question.",
                        "Use a practical task or work sample where you can.",
                        "Score only against the job-related criteria you chose.",
                        "Tell candidates when and how they will hear back.",
                    ],
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Avoid questions that can discriminate",
                    "level": "h2",
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "legal",
                    "heading": "Questions to leave out",
                    "body": (
                        "<p>Don't ask about place of birth, ethnic origin, religion, "
                        "marital or family status, or age. These relate to grounds "
                        "protected by the BC Human Rights Code and have nothing to do "
                        "with the job.</p><p>You may ask every candidate whether they "
                        "are legally entitled to work in Canada. Ask it the same way "
                        "for everyone.</p>"
                    ),
                },
            },
            {
                "type": "faq",
                "value": {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": "Can I ask a candidate where they are from?",
                            "answer": (
                                "<p>It isn't needed and can look like a question about "
                                "place of origin. Ask about their experience instead: "
                                "where they worked and what they did.</p>"
                            ),
                        },
                        {
                            "question": (
                                "A candidate has a strong accent. Can I take that into "
                                "account?"
                            ),
                            "answer": (
                                "<p>Only if it really affects a communication task the "
                                "job requires, and only after you have checked. Judge "
                                "whether the person can do the task, such as "
                                "explaining a procedure clearly, not how they "
                                "sound.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "employer_story",
                "value": {
                    "quote": (
                        "Our panel used to love candidates who chatted easily. Once we "
                        "scored answers against a written guide, we realized some of "
                        "our quietest candidates had the best answers. Two of them now "
                        "lead shifts."
                    ),
                    "name": "Lena Fischer",
                    "role": "Operations director",
                    "organization": "Mountainside Home Care, Chilliwack",
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "Ask every candidate the same job-related questions and "
                            "score against a written guide."
                        ),
                        (
                            "Don't score eye contact, modesty or pauses. They reflect "
                            "culture and language, not skill."
                        ),
                        (
                            "Offer accommodations and plain language, and use "
                            "practical tasks where you can."
                        ),
                        (
                            "Ask about entitlement to work in Canada, never about "
                            "origin, religion or family."
                        ),
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "BC Human Rights Tribunal",
                            "publisher": "BC Human Rights Tribunal",
                            "url": "https://www.bchrt.bc.ca/",
                        },
                        {
                            "title": (
                                "Policy on removing the “Canadian experience” barrier "
                                "(2013)"
                            ),
                            "publisher": "Ontario Human Rights Commission",
                            "url": "https://www.ohrc.on.ca/en/policy-removing-canadian-experience-barrier",
                        },
                        {
                            "title": "WorkBC: services for employers",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.workbc.ca/",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "work-permits-and-hiring-routes",
        "title": "Understand work permits and hiring routes",
        "summary": (
            "Who can I hire, and what do I need to check? A plain guide to open work "
            "permits, the Temporary Foreign Worker Program, the International Mobility "
            "Program and provincial nomination."
        ),
        "topics": ["work-permits"],
        "stages": ["hire"],
        "last_reviewed": "2025-10-06",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Who can work for you, and what you have to do, depends on the "
                    "person's immigration status. Many newcomers need nothing from you "
                    "at all; others need you to take part in a federal or provincial "
                    "program. Rules change often, so check the official page for "
                    "current rules before you act.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "People who need no permit", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Canadian citizens and permanent residents can work for any "
                    "employer. They don't need a work permit, and you shouldn't ask "
                    "them for more proof than you ask of anyone else.</p><p>A Social "
                    "Insurance Number (SIN) starting with 9 belongs to someone who is "
                    "not a citizen or permanent resident. It has an expiry date. Check "
                    "that the person's work permit is valid and allows the job, and "
                    "note when it expires.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Open work permits", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>An open work permit lets the holder work for almost any "
                    "employer in Canada. You don't need a Labour Market Impact "
                    "Assessment (LMIA) or any other approval to hire them. Common "
                    "examples:</p><ul><li><b>Post-graduation work permits</b> for "
                    "graduates of eligible programs at Canadian colleges and "
                    "universities.</li><li><b>Spousal open work permits</b> for some "
                    "spouses and partners of foreign workers and students. IRCC has "
                    "narrowed who qualifies in recent years.</li></ul><p>Read the "
                    "conditions printed on the permit. Some open permits don't allow "
                    "work in certain settings, for example in health care or child "
                    "care without a medical exam.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Employer-specific work permits", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>An employer-specific work permit names one employer, and "
                    "usually one job and location. The worker can't work for anyone "
                    "else without a new permit. Two federal programs issue them.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Temporary Foreign Worker Program", "level": "h3"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The Temporary Foreign Worker Program is run by Employment and "
                    "Social Development Canada (ESDC). In most cases you must first "
                    "get an LMIA. It shows that you need a foreign worker to fill the "
                    "job and that no Canadian or permanent resident is available to do "
                    "it. With a positive LMIA, the worker applies to IRCC for a work "
                    "permit.</p><p>You must meet the program's recruitment, wage and "
                    "working condition requirements, and you can be inspected. ESDC "
                    'changes its rules often. Check <a href="https://www.canada.ca/en/'
                    "employment-social-development/services/"
                    "foreign-workers.html\">ESDC's foreign worker pages</a> before you "
                    "start.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "International Mobility Program", "level": "h3"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The International Mobility Program is run by Immigration, "
                    "Refugees and Citizenship Canada (IRCC). It covers work permits "
                    "that don't need an LMIA, for example under trade agreements, for "
                    "intra-company transfers, or where the work brings a broader "
                    "benefit to Canada. For an employer-specific permit under this "
                    "program, you submit an offer of employment through IRCC's "
                    "Employer Portal and pay an employer compliance fee before the "
                    "worker applies.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "legal",
                    "heading": "BC rules for employers of foreign workers",
                    "body": (
                        "<p>Before you hire through a program that needs an LMIA, BC "
                        "requires you to register with the Employment Standards "
                        "Branch. Recruiters of foreign workers must be licensed in BC, "
                        "and it is illegal to charge a worker a fee to get a job or to "
                        "hold on to their passport. BC employment standards protect "
                        "temporary foreign workers like any other worker.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Support a worker's permanent residence",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Many temporary workers want to stay for good. Workers who can "
                    "plan a future with you are more likely to stay.</p><ul><li><b>The "
                    "BC Provincial Nominee Program (BC PNP)</b>, run by the Province, "
                    "lets BC employers support some workers with a qualifying job "
                    "offer. If the Province nominates the worker, they apply to IRCC "
                    "for permanent residence. Streams and criteria change; see <a "
                    'href="https://www.welcomebc.ca/'
                    'Immigrate-to-B-C">WelcomeBC</a>.</li><li><b>The Atlantic '
                    "Immigration Program</b> serves employers in New Brunswick, Nova "
                    "Scotia, Prince Edward Island and Newfoundland and Labrador. "
                    "Employers must be designated by the province and support a "
                    "settlement plan for the worker.</li><li><b>Federal programs</b>, "
                    "such as the Canadian Experience Class, are ones workers apply to "
                    "themselves. An accurate reference letter from you, listing "
                    "duties, hours and pay, is often an important part of their "
                    "application.</li></ul>"
                ),
            },
            {
                "type": "steps",
                "value": {
                    "heading": "Before you make a job offer",
                    "steps": [
                        {
                            "title": "Ask about entitlement to work",
                            "body": (
                                "<p>Ask every candidate whether they are legally "
                                "entitled to work in Canada, and whether they will "
                                "need a permit or support from you.</p>"
                            ),
                        },
                        {
                            "title": "Check the document",
                            "body": (
                                "<p>For a temporary resident, look at the permit type, "
                                "the employer and occupation named on it, its "
                                "conditions and its expiry date.</p>"
                            ),
                        },
                        {
                            "title": "Choose the route if one is needed",
                            "body": (
                                "<p>If the person needs an employer-specific permit, "
                                "work out whether the TFWP or the IMP applies, and "
                                "check the official page for current rules.</p>"
                            ),
                        },
                        {
                            "title": "Keep records and plan ahead",
                            "body": (
                                "<p>Keep a copy of the permit and note its expiry date "
                                "in your HR system, with a reminder a few months "
                                "ahead. Programs take time, so agree on a realistic "
                                "start date.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "faq",
                "value": {
                    "heading": "Common questions",
                    "items": [
                        {
                            "question": (
                                "A worker's permit expires next month. Do they have to "
                                "stop working?"
                            ),
                            "answer": (
                                "<p>If they applied to extend it before it expired, "
                                "they can usually keep working under the same "
                                "conditions while IRCC decides. This is called "
                                "maintained status. Ask for proof that they applied on "
                                "time, and check the official page for current "
                                "rules.</p>"
                            ),
                        },
                        {
                            "question": (
                                "Should I use an immigration consultant or lawyer?"
                            ),
                            "answer": (
                                "<p>For LMIAs and complex cases, many employers do. "
                                "Only authorized representatives, such as lawyers and "
                                "licensed immigration consultants, may charge for "
                                "immigration advice.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "Citizens and permanent residents need no permit. Open "
                            "work permit holders can work for almost any employer."
                        ),
                        (
                            "The Temporary Foreign Worker Program, run by ESDC, "
                            "usually needs an LMIA."
                        ),
                        (
                            "The International Mobility Program, run by IRCC, covers "
                            "LMIA-exempt permits."
                        ),
                        "The BC PNP lets you support a worker's permanent residence.",
                        "Rules change often. Check the official page before you act.",
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": (
                                "Hire a temporary foreign worker: work permits and the "
                                "International Mobility Program"
                            ),
                            "publisher": "Immigration, Refugees and Citizenship Canada",
                            "url": "https://www.canada.ca/en/immigration-refugees-citizenship/services/work-canada/hire-temporary-foreign.html",
                        },
                        {
                            "title": (
                                "Hire a temporary foreign worker: the Temporary "
                                "Foreign Worker Program"
                            ),
                            "publisher": "Employment and Social Development Canada",
                            "url": "https://www.canada.ca/en/employment-social-development/services/foreign-workers.html",
                        },
                        {
                            "title": (
                                "Immigrate to B.C.: the BC Provincial Nominee Program"
                            ),
                            "publisher": "Government of British Columbia",
                            "url": "https://www.welcomebc.ca/Immigrate-to-B-C",
                        },
                        {
                            "title": "Immigration, Refugees and Citizenship Canada",
                            "publisher": "Immigration, Refugees and Citizenship Canada",
                            "url": "https://www.canada.ca/en/immigration-refugees-citizenship.html",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "onboard-newcomers",
        "title": "Onboard newcomers so they stay",
        "summary": (
            "What should I do in a newcomer's first days and months? A practical "
            "onboarding plan covering the first day, the unwritten rules and regular "
            "check-ins."
        ),
        "topics": ["onboarding"],
        "stages": ["onboard"],
        "last_reviewed": "2026-01-19",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>A new hire decides quickly whether a job is right for them. "
                    "For a newcomer, the first weeks can also be their first "
                    "experience of a Canadian workplace, while they are finding "
                    "housing, schools and a doctor. Good onboarding helps them become "
                    "productive sooner and makes them far more likely to stay.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Before day one", "level": "h2"},
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "Prepare for the first day",
                    "items": [
                        (
                            "Send a welcome email with the start time, address, who to "
                            "ask for and what to bring."
                        ),
                        "Explain how to get there, including bus routes and parking.",
                        (
                            "Say what to wear, and whether you provide safety boots or "
                            "a uniform."
                        ),
                        (
                            "List the documents you need for payroll, such as the "
                            "Social Insurance Number and banking details."
                        ),
                        (
                            "Choose a buddy from the team and tell them what their "
                            "role is."
                        ),
                        "Have equipment, accounts and a locker ready.",
                        "Tell the team who is starting and what they will do.",
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "The first week", "level": "h2"},
            },
            {
                "type": "steps",
                "value": {
                    "heading": "A simple first week",
                    "steps": [
                        {
                            "title": "Welcome and introductions",
                            "body": (
                                "<p>Meet the new hire yourself. Introduce them to the "
                                "team and their buddy, and show them around, including "
                                "washrooms, break room and exits.</p>"
                            ),
                        },
                        {
                            "title": "Safety orientation",
                            "body": (
                                "<p>Give the health and safety orientation before they "
                                'start work, as <a href="https://www.worksafebc.com/'
                                '">WorkSafeBC</a> requires. Check understanding by '
                                "asking them to show you, not by asking “Do you "
                                "understand?”</p>"
                            ),
                        },
                        {
                            "title": "Pay, hours and time off",
                            "body": (
                                "<p>Explain pay days, the pay stub, breaks, overtime, "
                                "and how to call in sick or ask for time off. Put the "
                                "key points in writing.</p>"
                            ),
                        },
                        {
                            "title": "Learning the job",
                            "body": (
                                "<p>Pair them with their buddy for real tasks. Give "
                                "one or two clear goals for the week.</p>"
                            ),
                        },
                        {
                            "title": "End-of-week check-in",
                            "body": (
                                "<p>Ask what went well, what was confusing and what "
                                "they need. Fix what you can right away.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "legal",
                    "heading": "The same rights for everyone",
                    "body": (
                        "<p>BC employment standards and WorkSafeBC rules apply to "
                        "every worker, including temporary foreign workers. Every "
                        "worker has the right to know about hazards, to take part in "
                        "health and safety, and to refuse unsafe work.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Explain the unwritten rules", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Every workplace has rules nobody writes down. Newcomers may "
                    "not know them, and may be too polite to ask. Talk about them "
                    "openly:</p><ul><li>How early to arrive, and what happens if you "
                    "are late.</li><li>Whether it's fine to ask questions, and who to "
                    "ask.</li><li>How to raise a problem or disagree with a "
                    "supervisor.</li><li>How people address each other, for example by "
                    "first name.</li><li>Breaks, lunch, shared fridges and small "
                    "talk.</li><li>How feedback works, and that it is normal and not a "
                    "warning.</li></ul>"
                ),
            },
            {
                "type": "employer_story",
                "value": {
                    "quote": (
                        "Our buddy system costs us almost nothing. Each new hire gets "
                        "a buddy for the first three months, someone they can ask the "
                        "“silly” questions. Our turnover in the first year has dropped "
                        "since we started it."
                    ),
                    "name": "Marisol Reyes",
                    "role": "General manager",
                    "organization": "Canyon Trail Inn, Hope",
                },
            },
            {
                "type": "heading",
                "value": {"text": "The first 90 days", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Keep checking in: at two weeks, one month, two months and "
                    "three months. Ask about the work, and also how settling in is "
                    "going. If the person mentions trouble with housing, schools or "
                    "English classes, connect them with a local settlement agency. "
                    "Their services are free.</p><p>At 90 days, review the goals "
                    "together, give clear feedback, and agree on what comes next: "
                    "training, more responsibility or a language class.</p>"
                ),
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        "Send clear practical information before the first day.",
                        (
                            "Give the safety orientation before work starts, and check "
                            "understanding by asking people to show you."
                        ),
                        "Assign a buddy and explain the unwritten rules.",
                        (
                            "Check in regularly for the first 90 days, about both work "
                            "and settlement."
                        ),
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "Health and safety for employers",
                            "publisher": "WorkSafeBC",
                            "url": "https://www.worksafebc.com/",
                        },
                        {
                            "title": "WelcomeBC",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.welcomebc.ca/",
                        },
                        {
                            "title": "WorkBC: services for employers",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.workbc.ca/",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "support-language-at-work",
        "title": "Support language learning at work",
        "summary": (
            "How much English does the job really need, and how can I help staff "
            "improve? Use the Canadian Language Benchmarks, find free classes and make "
            "communication easier for everyone."
        ),
        "topics": ["language"],
        "stages": ["onboard", "retain"],
        "last_reviewed": "2026-04-27",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Language is often the reason employers hesitate to hire a "
                    "newcomer, and the reason newcomers get stuck in jobs below their "
                    "skills. Both problems can be solved. Set language requirements "
                    "that match the job, then help people keep improving once they are "
                    "with you.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Understand the Canadian Language Benchmarks",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    '<p>The <a href="https://www.language.ca/">Canadian Language '
                    "Benchmarks</a> (CLB) are the national standard for describing, "
                    "measuring and recognizing the English of adult newcomers. There "
                    "are 12 levels for each of four skills: listening, speaking, "
                    "reading and writing. The French-language equivalent is the "
                    "Niveaux de compétence linguistique canadiens (NCLC).</p><p>A "
                    "person can have different levels in different skills. Someone may "
                    "understand instructions well and speak clearly, but write slowly. "
                    "That is why it helps to know which skills the job really uses. "
                    "Many newcomers already know their CLB levels from a language test "
                    "or class. The Centre for Canadian Language Benchmarks publishes "
                    "resources that describe the language demands of work.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {
                    "text": "Find out what language the job needs",
                    "level": "h2",
                },
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "Map the language of a job",
                    "items": [
                        (
                            "List the tasks that involve language, such as reading "
                            "safety signs, using a radio or writing reports."
                        ),
                        (
                            "Note which skill each task uses: listening, speaking, "
                            "reading or writing."
                        ),
                        (
                            "Mark which tasks the person must do from day one, and "
                            "which they can learn."
                        ),
                        (
                            "Find where pictures, colour codes or demonstrations could "
                            "replace written text."
                        ),
                        (
                            "Write the language requirement in your posting as tasks, "
                            "not as “fluent English”."
                        ),
                    ],
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "important",
                    "heading": "Keep requirements tied to the job",
                    "body": (
                        "<p>A language requirement should reflect what the job really "
                        "needs. An unnecessarily high requirement, or judging someone "
                        "by their accent rather than their ability to do the task, can "
                        "screen out people because of their place of origin.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Find free and low-cost training", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p><b>Language Instruction for Newcomers to Canada (LINC)</b> is "
                    "free English training funded by IRCC. Eligibility depends on "
                    "immigration status: permanent residents generally qualify, while "
                    "many temporary residents don't. Many providers offer evening, "
                    "weekend and online classes that fit around shifts. BC also funds "
                    "some services for people who can't use federal programs. Ask a "
                    "local settlement agency who qualifies for what.</p><p>Some "
                    "agencies and colleges offer <b>workplace language training</b>: "
                    "classes at your site, built around your jobs, your safety "
                    "procedures and your vocabulary.</p>"
                ),
            },
            {
                "type": "steps",
                "value": {
                    "heading": "Set up language training at your workplace",
                    "steps": [
                        {
                            "title": "Talk to a provider",
                            "body": (
                                "<p>Contact a settlement agency or college and "
                                "describe your staff, their shifts and the language "
                                "tasks they find hard.</p>"
                            ),
                        },
                        {
                            "title": "Agree on a format",
                            "body": (
                                "<p>Decide where, when and how often. Classes right "
                                "before or after a shift, or partly on paid time, get "
                                "the best attendance.</p>"
                            ),
                        },
                        {
                            "title": "Use real workplace material",
                            "body": (
                                "<p>Give the instructor your forms, procedures and "
                                "signs, so that classes teach what people use every "
                                "day.</p>"
                            ),
                        },
                        {
                            "title": "Recognize progress",
                            "body": (
                                "<p>Mark completed levels and use new skills in the "
                                "job, for example by giving a learner a chance to lead "
                                "a toolbox talk.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Make communication easier for everyone",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Good communication is a shared job, not only the newcomer's. "
                    "Small changes help everyone, including staff who grew up speaking "
                    "English.</p><ul><li>Write procedures in plain language with "
                    "photos or diagrams.</li><li>Keep a short glossary of workplace "
                    "terms, abbreviations and slang.</li><li>Translate key safety "
                    "information where it helps, and still check "
                    "understanding.</li><li>Ask people to show or explain back, "
                    "instead of asking “Do you understand?”</li><li>Speak at a normal "
                    "pace, one idea at a time, and write down numbers and "
                    "times.</li></ul>"
                ),
            },
            {
                "type": "employer_story",
                "value": {
                    "quote": (
                        "We brought an English class on site twice a week before the "
                        "morning shift. Within months our lead hands were running "
                        "shift meetings with fewer repeats and fewer mistakes, and two "
                        "of the learners have since moved up to quality control."
                    ),
                    "name": "Tom Vandermeer",
                    "role": "Production supervisor",
                    "organization": "Blue Heron Food Processing, Abbotsford",
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "Describe language needs as job tasks, and base "
                            "requirements on the real job."
                        ),
                        (
                            "The Canadian Language Benchmarks describe four skills on "
                            "12 levels."
                        ),
                        (
                            "LINC classes are free for eligible newcomers. Ask a "
                            "settlement agency who qualifies."
                        ),
                        (
                            "Workplace language training built around your jobs works "
                            "best."
                        ),
                        (
                            "Plain language, visuals and checking understanding help "
                            "everyone."
                        ),
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "Canadian Language Benchmarks",
                            "publisher": "Centre for Canadian Language Benchmarks",
                            "url": "https://www.language.ca/",
                        },
                        {
                            "title": "Immigration, Refugees and Citizenship Canada",
                            "publisher": "Immigration, Refugees and Citizenship Canada",
                            "url": "https://www.canada.ca/en/immigration-refugees-citizenship.html",
                        },
                        {
                            "title": "Health and safety for employers",
                            "publisher": "WorkSafeBC",
                            "url": "https://www.worksafebc.com/",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "mentorship-and-advancement",
        "title": "Mentor newcomers and help them advance",
        "summary": (
            "How do I keep skilled newcomers from getting stuck in entry-level jobs? "
            "Set up mentoring, recognize international skills in promotion and support "
            "licensing."
        ),
        "topics": ["mentoring"],
        "stages": ["retain"],
        "last_reviewed": "2026-07-13",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Many newcomers start in jobs below their education and "
                    "experience. An engineer works on the production line, an "
                    "accountant in data entry. That is a waste of skills you are "
                    "already paying for, and it is a common reason good people leave. "
                    "Mentoring and fair promotion practices help you keep them and use "
                    "what they know.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Set up a mentoring program", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>A mentor explains how things really work, helps the newcomer "
                    "build a network and gives honest advice on their career. It "
                    "doesn't need to be complicated or expensive.</p>"
                ),
            },
            {
                "type": "steps",
                "value": {
                    "heading": "Start a simple mentoring program",
                    "steps": [
                        {
                            "title": "Set a goal",
                            "body": (
                                "<p>Decide what mentoring is for, for example helping "
                                "new hires settle in, preparing people for a lead role "
                                "or supporting licensing.</p>"
                            ),
                        },
                        {
                            "title": "Find and match mentors",
                            "body": (
                                "<p>Ask for volunteers who are respected and patient. "
                                "Match them on career goals and work area, not on "
                                "shared background alone.</p>"
                            ),
                        },
                        {
                            "title": "Prepare the mentors",
                            "body": (
                                "<p>Give a short briefing on listening, giving "
                                "feedback and cultural differences in communication. "
                                "Explain what to pass on to HR.</p>"
                            ),
                        },
                        {
                            "title": "Meet regularly",
                            "body": (
                                "<p>Ask pairs to meet at least monthly for six to "
                                "twelve months, on paid time, with a few agreed "
                                "goals.</p>"
                            ),
                        },
                        {
                            "title": "Review and improve",
                            "body": (
                                "<p>At the end, ask both people what helped and what "
                                "didn't, and adjust the program.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "callout",
                "value": {
                    "kind": "tip",
                    "heading": "Mentoring works both ways",
                    "body": (
                        "<p>Mentors often learn as much as the people they mentor: "
                        "about other markets, other ways of working and their own "
                        "habits as leaders. Count mentoring as leadership development "
                        "for your staff.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Use community mentoring programs", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Settlement agencies and some professional associations run "
                    "occupation-specific mentoring programs. They pair internationally "
                    "trained professionals with people working in the same field in "
                    "Canada. You can refer your staff to them, and you can offer your "
                    "experienced employees as volunteer mentors. Ask your Local "
                    "Immigration Partnership which programs run in the Fraser "
                    "Valley.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Recognize skills in promotion", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Newcomers are often overlooked for promotion because managers "
                    "don't know what they did before, or mistake an accent or a quiet "
                    "manner for a lack of leadership. Make your process open and based "
                    "on skills.</p>"
                ),
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "Fair promotion checklist",
                    "items": [
                        (
                            "Keep a skills inventory that includes education and "
                            "experience from outside Canada."
                        ),
                        (
                            "Post every internal opening where all staff can see it, "
                            "with the criteria for selection."
                        ),
                        (
                            "Encourage people to apply, especially those who may not "
                            "put themselves forward."
                        ),
                        (
                            "Use the same structured interview and scoring for "
                            "internal candidates."
                        ),
                        (
                            "Give unsuccessful candidates specific feedback and a plan "
                            "to get there."
                        ),
                        (
                            "Check promotion rates for staff with international "
                            "backgrounds each year."
                        ),
                    ],
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Support licensing and further training",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>For staff in regulated professions, getting licensed in BC can "
                    "take time. You can make a big difference at little "
                    "cost:</p><ul><li>Allow flexible shifts or time off to study and "
                    "sit exams.</li><li>Offer supervised work in a related role, if "
                    "the regulator counts it toward licensing.</li><li>Write accurate "
                    "reference letters describing their duties.</li><li>Consider "
                    "paying for exams or courses in return for an agreed period of "
                    "service.</li><li>Plan a role they can move into once they are "
                    "licensed.</li></ul>"
                ),
            },
            {
                "type": "employer_story",
                "value": {
                    "quote": (
                        "Nadia was a chartered accountant in Egypt and joined us as an "
                        "accounts clerk. We gave her a mentor, time off for her exams "
                        "and a clear plan. She is now our controller, and she mentors "
                        "two new staff herself."
                    ),
                    "name": "Greg Lindstrom",
                    "role": "Chief financial officer",
                    "organization": "Orchard Lane Farms, Chilliwack",
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "Many newcomers work below their skills. Helping them "
                            "advance helps you keep them."
                        ),
                        (
                            "A simple mentoring program needs a goal, trained mentors "
                            "and regular meetings on paid time."
                        ),
                        (
                            "Community mentoring programs are free, and your staff can "
                            "volunteer as mentors."
                        ),
                        (
                            "Make promotion open and skills-based, and recognize "
                            "experience from outside Canada."
                        ),
                        (
                            "Support licensing with flexible time, supervised work and "
                            "reference letters."
                        ),
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "WelcomeBC",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.welcomebc.ca/",
                        },
                        {
                            "title": "WorkBC: services for employers",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.workbc.ca/",
                        },
                        {
                            "title": "Get your credentials assessed in Canada",
                            "publisher": "Immigration, Refugees and Citizenship Canada",
                            "url": "https://www.canada.ca/en/immigration-refugees-citizenship/services/new-immigrants/prepare-life-canada/prepare-work/credential-assessment.html",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "retention-and-family-settlement",
        "title": "Keep newcomers by helping their families settle",
        "summary": (
            "Why do newcomers leave good jobs, and what can an employer do about it? "
            "Often the reason is at home: housing, schools, a spouse's job. Here is "
            "how to help."
        ),
        "topics": ["settlement", "inclusion"],
        "stages": ["retain"],
        "last_reviewed": "2026-10-19",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Newcomers often leave a job not because of the work, but "
                    "because their family can't settle. They can't find housing they "
                    "can afford, their children are struggling at school, their spouse "
                    "can't find work, or they feel alone. Smaller communities lose "
                    "newcomers to big cities for these reasons. You can't solve "
                    "everything, but a little help goes a long way.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Help with housing", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Finding a rental is hard for anyone in the Fraser Valley, and "
                    "harder with no Canadian rental history or credit record. You can "
                    "help:</p><ul><li>Share what you know about local neighbourhoods, "
                    "rents and transit before the person arrives.</li><li>Write a "
                    "letter confirming employment and salary for landlords.</li><li>Be "
                    "flexible about start dates when housing falls "
                    "through.</li><li>Point people to BC's tenancy rules so they know "
                    "their rights and responsibilities as tenants.</li><li>If you "
                    "provide housing, check the rules of any program you hire through "
                    "and BC tenancy law.</li></ul>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Schools, child care and health care", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Parents worry most about their children. Explain how to "
                    "register children at school, and that many school districts help "
                    "newcomer families with assessment and support. Share what you "
                    "know about local child care and its wait lists.</p><p>Remind new "
                    "arrivals to apply for BC's Medical Services Plan (MSP) as soon as "
                    "they arrive. There can be a wait before coverage starts, so they "
                    "may need private health insurance in the meantime. Help them find "
                    "a family doctor or a walk-in clinic.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Support spouses and partners", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>A spouse who can't find work, or who is isolated at home, is "
                    "one of the most common reasons families move on. Some spouses "
                    "hold an open work permit and can work for any employer. Others "
                    "are permanent residents. Refer them to a settlement agency and a "
                    "WorkBC Centre, tell them about openings in your own company, and "
                    "ask your business contacts whether they are hiring.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Connect people to the community", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>People stay where they feel they belong. Invite families to "
                    "company events, tell staff about community groups, sports clubs "
                    "and cultural and faith communities, and share local events. Your "
                    "Local Immigration Partnership can point you to what is "
                    "available.</p><p>Think about time off, too. Many newcomers want "
                    "to visit family abroad, which takes longer than a week. Letting "
                    "people bank vacation, or take unpaid leave for a longer trip, "
                    "costs little and builds loyalty. Give time off for a citizenship "
                    "ceremony: it is a day to celebrate.</p>"
                ),
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "A settlement welcome package",
                    "items": [
                        "A map of nearby neighbourhoods, transit routes and shops.",
                        (
                            "Contact details for local settlement agencies and the "
                            "WorkBC Centre."
                        ),
                        (
                            "How to register children for school, and local child care "
                            "options."
                        ),
                        "How to apply for MSP and find a doctor or walk-in clinic.",
                        "Where to sign up for English classes.",
                        "Local community, cultural, faith and sports groups.",
                        "A letter confirming employment, for landlords and banks.",
                    ],
                },
            },
            {
                "type": "employer_story",
                "value": {
                    "quote": (
                        "Hope is a small town, and newcomers used to leave after a "
                        "season. Now we help with the housing search, introduce "
                        "families to people in town and hire spouses when we can. Most "
                        "of our newcomer staff have stayed more than three years."
                    ),
                    "name": "Marisol Reyes",
                    "role": "General manager",
                    "organization": "Canyon Trail Inn, Hope",
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "Retention depends on the whole family settling, not just "
                            "the job."
                        ),
                        (
                            "Help with housing through information, employment letters "
                            "and flexible start dates."
                        ),
                        "Explain schools, MSP and how to find a doctor.",
                        (
                            "Help spouses find work through agencies, WorkBC and your "
                            "own network."
                        ),
                        (
                            "Connect families to the community and be flexible about "
                            "time off to visit family abroad."
                        ),
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "WelcomeBC",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.welcomebc.ca/",
                        },
                        {
                            "title": "Immigration, Refugees and Citizenship Canada",
                            "publisher": "Immigration, Refugees and Citizenship Canada",
                            "url": "https://www.canada.ca/en/immigration-refugees-citizenship.html",
                        },
                        {
                            "title": "WorkBC: services for employers",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.workbc.ca/",
                        },
                    ],
                },
            },
        ],
    },
    {
        "slug": "anti-racism-and-inclusive-culture",
        "title": "Build an inclusive, anti-racist workplace",
        "summary": (
            "How do I make sure people from every background are treated fairly and "
            "want to stay? Know your legal duties, set clear policies, respond well to "
            "incidents and measure progress."
        ),
        "topics": ["inclusion"],
        "stages": ["retain"],
        "last_reviewed": "2026-08-24",
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Hiring newcomers is only the start. If people face racist "
                    "jokes, are passed over or feel that they don't belong, they "
                    "leave, and they tell their networks why. An inclusive, "
                    "anti-racist workplace is one where everyone is treated fairly, "
                    "problems are dealt with, and differences are seen as a "
                    "strength.</p>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Know your legal duties", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>The BC Human Rights Code prohibits discrimination and "
                    "harassment in employment based on grounds that include race, "
                    "colour, ancestry, place of origin and religion. Employers can be "
                    "held responsible for discrimination that happens at work, "
                    "including by other staff, and have a duty to accommodate, for "
                    "example for religious observance, up to the point of undue "
                    "hardship.</p><p>WorkSafeBC requires employers to take reasonable "
                    "steps to prevent or minimize workplace bullying and harassment, "
                    "including having a policy and a way for workers to report "
                    "incidents.</p>"
                ),
            },
            {
                "type": "callout",
                "value": {
                    "kind": "legal",
                    "heading": "Where complaints go",
                    "body": (
                        "<p>A worker who believes they were discriminated against can "
                        "file a complaint with the <a "
                        'href="https://www.bchrt.bc.ca/">BC Human Rights Tribunal</a>. '
                        "Dealing with concerns quickly and fairly inside your "
                        "workplace is better for everyone.</p>"
                    ),
                },
            },
            {
                "type": "heading",
                "value": {"text": "Put the basics in place", "level": "h2"},
            },
            {
                "type": "checklist",
                "value": {
                    "heading": "Anti-racism basics",
                    "items": [
                        (
                            "A written policy against discrimination, harassment and "
                            "racism, in plain language."
                        ),
                        (
                            "More than one way to report, including to someone outside "
                            "the reporter's chain of command."
                        ),
                        (
                            "A clear promise that nobody will be punished for "
                            "reporting in good faith."
                        ),
                        "Training for managers on how to receive and handle a report.",
                        (
                            "A process to investigate promptly and fairly, and to keep "
                            "records."
                        ),
                        (
                            "Regular reminders of the policy, for example at team "
                            "meetings and in onboarding."
                        ),
                    ],
                },
            },
            {
                "type": "heading",
                "value": {"text": "Respond when something happens", "level": "h2"},
            },
            {
                "type": "steps",
                "value": {
                    "heading": "When someone reports racism or discrimination",
                    "steps": [
                        {
                            "title": "Listen and thank them",
                            "body": (
                                "<p>Take the report seriously. Don't argue, minimize "
                                "or ask why they didn't report earlier.</p>"
                            ),
                        },
                        {
                            "title": "Make the person safe",
                            "body": (
                                "<p>If needed, change shifts or reporting lines right "
                                "away, without disadvantaging the person who "
                                "reported.</p>"
                            ),
                        },
                        {
                            "title": "Investigate",
                            "body": (
                                "<p>Follow your policy. Talk to the people involved "
                                "and any witnesses, and write down what you learn.</p>"
                            ),
                        },
                        {
                            "title": "Act and follow up",
                            "body": (
                                "<p>Take proportionate action, tell the person who "
                                "reported what you can, and check in with them in the "
                                "following weeks.</p>"
                            ),
                        },
                        {
                            "title": "Learn from it",
                            "body": (
                                "<p>Ask what allowed the incident to happen, and "
                                "change practices or training so it doesn't happen "
                                "again.</p>"
                            ),
                        },
                    ],
                },
            },
            {
                "type": "heading",
                "value": {
                    "text": "Make inclusion part of everyday work",
                    "level": "h2",
                },
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Culture is built in small, daily choices:</p><ul><li>Learn to "
                    "pronounce everyone's name correctly.</li><li>Plan around major "
                    "religious and cultural holidays, and handle requests for time off "
                    "fairly.</li><li>Offer food that everyone can eat at company "
                    "events, and don't make every social event about "
                    "alcohol.</li><li>Provide a quiet space that can be used for "
                    "prayer or rest.</li><li>Make sure leaders step in when they hear "
                    "a racist joke or comment.</li><li>Support staff who want to start "
                    "an employee network.</li></ul>"
                ),
            },
            {
                "type": "heading",
                "value": {"text": "Measure and improve", "level": "h2"},
            },
            {
                "type": "paragraph",
                "value": (
                    "<p>Ask your staff how it is going through a short, anonymous "
                    "survey each year, and compare answers between groups. Look at who "
                    "is hired, promoted and leaving, and ask departing staff why they "
                    "go. Make sharing personal information voluntary, collect only "
                    "what you need and keep it secure. BC's Personal Information "
                    "Protection Act applies to most private employers.</p>"
                ),
            },
            {
                "type": "employer_story",
                "value": {
                    "quote": (
                        "We assumed we had no problems because nobody complained. Our "
                        "first anonymous survey showed otherwise. We trained our "
                        "supervisors and added a second way to report, and people now "
                        "raise issues early, when they are easy to fix."
                    ),
                    "name": "Priya Nair",
                    "role": "HR and safety coordinator",
                    "organization": "Riverbend Logistics, Abbotsford",
                },
            },
            {
                "type": "key_takeaways",
                "value": {
                    "items": [
                        (
                            "The BC Human Rights Code protects workers from "
                            "discrimination and harassment based on race, place of "
                            "origin and other grounds."
                        ),
                        (
                            "WorkSafeBC requires a bullying and harassment policy and "
                            "a way to report."
                        ),
                        (
                            "Respond to every report quickly, fairly and without "
                            "retaliation."
                        ),
                        (
                            "Build inclusion into daily practice: names, holidays, "
                            "food, leadership."
                        ),
                        (
                            "Measure with anonymous surveys and hiring, promotion and "
                            "turnover data."
                        ),
                    ],
                },
            },
            {
                "type": "sources",
                "value": {
                    "heading": "Sources and official information",
                    "items": [
                        {
                            "title": "BC Human Rights Tribunal",
                            "publisher": "BC Human Rights Tribunal",
                            "url": "https://www.bchrt.bc.ca/",
                        },
                        {
                            "title": "Health and safety for employers",
                            "publisher": "WorkSafeBC",
                            "url": "https://www.worksafebc.com/",
                        },
                        {
                            "title": "WelcomeBC",
                            "publisher": "Government of British Columbia",
                            "url": "https://www.welcomebc.ca/",
                        },
                    ],
                },
            },
        ],
    },
]
