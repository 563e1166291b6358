import type { DemoQuestion } from './types.js';

/** Questions about making the move into project management (original text written for Crossroads). */
export const CAREER_CHANGE_QUESTIONS: DemoQuestion[] = [
  {
    by: 'amara-okafor',
    title: 'Customer service manager to project manager: where do I actually start?',
    body: `I have managed a contact centre team of 35 for six years. Over that time I have led a telephony migration,
a CRM roll-out and a move to hybrid working, but always "on the side" of my day job and never with the project manager
title.

I would like to move into project management properly within the next year. My questions:

1. Is it realistic to go straight to a project manager role, or should I aim for project coordinator first?
2. Which certification should come first: CAPM, PRINCE2 Foundation, or straight to PMP?
3. How do I describe projects I led unofficially on my CV without overselling them?

I am in the UK, if that matters for the certification question.`,
    tags: ['career-change', 'project-management', 'customer-service', 'certifications', 'cv'],
    daysAgo: 58,
    views: 412,
    up: 9,
    answers: [
      {
        by: 'grace-mensah',
        hoursLater: 3,
        accepted: true,
        up: 11,
        body: `I made almost exactly this move, so here is what I wish someone had told me.

## 1. Coordinator or manager?
With a telephony migration and a CRM roll-out behind you, **do not default to coordinator roles**. Look for
"project manager" roles *inside operations or customer experience*: internal transformation teams, contact-centre
technology projects, service improvement programmes. Those hiring managers value someone who understands the
operation. A generic IT project manager role at a consultancy is a much harder first step.

## 2. Which certification?
In the UK, PRINCE2 Foundation is still the keyword most recruiters filter on, and it takes a week of evenings. Do that
first. Plan the PMP for year two: by then you will have the documented hours and it will mean more.

## 3. Describing unofficial projects
Be specific and factual, and let the numbers do the work:

- *"Led the migration of 35 agents to a cloud telephony platform: requirements, supplier coordination, training
  plan and cut-over over one weekend; no loss of service."*
- *"Owned the CRM roll-out plan for customer services (4 teams, 120 users), including UAT and adoption tracking."*

You did lead them. Saying "led" is honest as long as you can talk through the plan, the risks and what went wrong in
an interview.`,
        comments: [
          {
            by: 'amara-okafor',
            hoursLater: 5,
            body: 'This is so helpful, thank you. The point about transformation teams inside operations had not occurred to me at all.',
          },
          {
            by: 'tomasz-nowak',
            hoursLater: 20,
            body: 'Agree on PRINCE2 Foundation first in the UK. For IT roles I would add a short course on Agile basics too; interviewers will ask.',
          },
        ],
      },
      {
        by: 'declan-byrne',
        hoursLater: 9,
        up: 4,
        body: `Different industry, same advice: the projects you ran *are* project experience. What most career changers
miss is the evidence. Before you apply anywhere, write a one-page case study for each of the three projects: the
goal, the plan, the biggest risk, what you did when something slipped, and the result. You will reuse those pages
in every interview.`,
      },
      {
        by: 'daniel-kim',
        hoursLater: 30,
        up: 2,
        body: `I went the coordinator route from a retail operations role and honestly regret it a little. I spent 14
months updating RAID logs for someone else before anyone let me own a plan. If you already have the experience
Grace describes, aim higher.`,
      },
    ],
  },
  {
    by: 'ben-carter',
    title: 'Is the PMP worth it if I already have five years of informal project experience?',
    body: `I am an operations lead in logistics. I have run warehouse system upgrades and a site relocation, but my
job title has never said "project". A colleague says the PMP is just an expensive multiple-choice exam and that
experience is what counts. Recruiters I have spoken to keep asking whether I have it.

Is it worth the cost and the study time for someone in my position?`,
    tags: ['pmp', 'certifications', 'career-change'],
    daysAgo: 55,
    views: 356,
    up: 6,
    answers: [
      {
        by: 'declan-byrne',
        hoursLater: 4,
        accepted: true,
        up: 8,
        body: `Your colleague is half right: the PMP does not make anyone a good project manager. But you are not trying
to become a good project manager, you already are one. You are trying to **get through a filter** run by people who
cannot judge your experience directly.

For someone with five years of informal projects, the PMP does three things:

- It translates your experience into a vocabulary hiring managers trust.
- Its application forces you to write up 36 months of project work, which is your CV rewrite done for you.
- It gets you past automated screening for roles that list it as required.

Budget roughly 80–120 hours of study. If your employer has a training budget, ask; many will pay for it if you frame
it around the next relocation project.`,
      },
      {
        by: 'tomasz-nowak',
        hoursLater: 26,
        up: 3,
        body: `One practical tip: check the experience requirement carefully before you pay for a course. You need
documented months *leading and directing* projects. Write your project list first, in the format of the application,
and only then buy the prep course. Several people I know discovered their hours were thinner than they thought.`,
        comments: [
          {
            by: 'ben-carter',
            hoursLater: 2,
            body: 'Good call, I will draft the application first. The site relocation alone was about eleven months end to end.',
          },
        ],
      },
    ],
  },
  {
    by: 'chloe-dubois',
    title: 'PRINCE2 Foundation or Practitioner first when changing careers in Europe?',
    body: `I am a marketing manager in Brussels and I want to move into project management within my company, which
uses PRINCE2 language everywhere (stages, exceptions, project board). Should I take Foundation alone, or the combined
Foundation and Practitioner course that my training provider is pushing?`,
    tags: ['prince2', 'certifications', 'career-change'],
    daysAgo: 53,
    views: 198,
    up: 4,
    answers: [
      {
        by: 'robert-ashworth',
        hoursLater: 6,
        accepted: true,
        up: 6,
        body: `If your company already speaks PRINCE2, the Foundation gives you the vocabulary and that is most of what
you need to be credible in a project board meeting. Practitioner is about *tailoring* the method to a real project,
and it sticks much better once you have run one.

My suggestion: Foundation now, then Practitioner within a year of your first project role. The combined course is
cheaper on paper, but people who sit Practitioner without real context often pass it and then forget it.`,
      },
      {
        by: 'lucia-fernandez',
        hoursLater: 40,
        up: 2,
        body: `Worth asking internally whether the PMO has a preferred route. Some organisations will fund the
Practitioner once you are in a project role, which changes the maths on the combined course completely.`,
      },
    ],
  },
  {
    by: 'daniel-kim',
    title: 'How do I explain a move from retail operations to project coordination in an interview?',
    body: `I have an interview next week for a project coordinator role at a software company. My background is
six years in retail store management. I am worried they will see me as someone who does not understand technology
projects. How should I frame my story?`,
    tags: ['interviews', 'career-change', 'soft-skills'],
    daysAgo: 51,
    views: 167,
    up: 3,
    answers: [
      {
        by: 'grace-mensah',
        hoursLater: 5,
        accepted: true,
        up: 5,
        body: `Frame it as a deliberate move *towards* something, not away from retail. A structure that works:

1. **What you did:** "I ran a store with a £4m turnover and a team of 40, and the part I enjoyed most was the
   projects: the refit, the new stock system, opening the click-and-collect counter."
2. **What you learned:** planning around fixed dates, coordinating people who do not report to you, handling
   surprises on the day.
3. **Why this role:** "I want to do that work full time, and software projects move faster, which suits me."

On technology: you do not need to pretend. Say what you have used (the stock system, scheduling tools) and show
curiosity. Coordinators who ask good questions are worth more than ones who bluff.`,
      },
      {
        by: 'tomasz-nowak',
        hoursLater: 22,
        up: 3,
        body: `From the hiring side: I would ask you about a time a delivery date was at risk and what you did. Retail
is full of those stories (a late delivery before a promotion, a refit overrunning). Have two ready, with the outcome.`,
      },
    ],
  },
  {
    by: 'elif-yilmaz',
    title: 'I am 44 and moving from nursing into project management. Is it too late?',
    body: `I have been a nurse and then a ward manager for twenty years. I have led the roll-out of electronic
prescribing on my ward and sat on the hospital's digital programme board as the clinical lead. I would love to move
into health-tech or hospital project roles, but every job advert seems aimed at people in their twenties with a PMP.

Is it realistic to change careers at this point?`,
    tags: ['career-change', 'project-management', 'healthcare'],
    daysAgo: 50,
    views: 523,
    up: 14,
    answers: [
      {
        by: 'grace-mensah',
        hoursLater: 2,
        accepted: true,
        up: 16,
        body: `Not too late at all, and in health projects your background is an advantage that no twenty-something
PMP holder can match.

A clinical lead who has sat on a digital programme board understands the two hardest things in health projects:
clinical safety and getting busy clinicians to adopt a new system. Hospital digital teams struggle to hire project
managers who can talk to consultants and ward staff as peers.

### Where to look
- Digital transformation or EPR programmes in hospitals and health boards
- Health-tech suppliers, in implementation or customer success project roles
- Clinical safety and informatics teams that run projects

### What to do this month
- Ask the programme manager from your board whether you can shadow the project team for a few days
- Write up the e-prescribing roll-out as a case study with numbers (wards, users, training sessions, incidents)
- Take PRINCE2 Foundation or the APM Project Fundamentals qualification; both are well known in health

Your age will matter much less than you fear. Your judgement is what they are hiring.`,
        comments: [
          {
            by: 'elif-yilmaz',
            hoursLater: 4,
            body: 'I did not know about the APM qualification. Reading about it now. Thank you for the encouragement, I needed that today.',
          },
          {
            guest: { name: 'Maggie (ward sister)', email: 'maggie.r@example.org' },
            hoursLater: 30,
            held: true,
            body: 'Same boat as you Elif, 49 and two years into a project role at our trust now. It is the best move I made. Go for it!',
          },
        ],
      },
      {
        by: 'robert-ashworth',
        hoursLater: 11,
        up: 7,
        body: `I have hired two former nurses onto public sector health programmes. Both were among the best project
managers I have worked with, mostly because they were calm in a crisis and did not need a process document to know
what mattered. Apply with confidence.`,
      },
      {
        by: 'hannah-lindqvist',
        hoursLater: 35,
        up: 3,
        body: `I moved from teaching to project management at 41. The first six months were humbling (so many acronyms),
but life experience makes stakeholder work much easier. You will be fine.`,
      },
    ],
  },
  {
    by: 'farah-haddad',
    title: 'Which transferable skills from customer service matter most to hiring managers for PM roles?',
    body: `I am rewriting my CV. I have a long list of things I do as a customer service team lead, but I suspect
only a few of them are interesting to a project hiring manager. Which ones would you lead with?`,
    tags: ['career-change', 'cv', 'soft-skills', 'customer-service'],
    daysAgo: 48,
    views: 241,
    up: 5,
    answers: [
      {
        by: 'grace-mensah',
        hoursLater: 7,
        accepted: true,
        up: 7,
        body: `Lead with the ones that map onto the hardest parts of project work, and back each one with a number:

| Customer service skill | How a PM hiring manager hears it |
|---|---|
| Workforce planning and rotas | Resource planning under constraints |
| Escalation handling | Issue management and stakeholder communication |
| Service-level reporting | Status reporting and measuring outcomes |
| Coaching and quality reviews | Leading people without formal authority on the project |
| Process changes you introduced | Change management and adoption |

Leave out the things every team lead does (one-to-ones, annual leave approvals) unless they support one of these.`,
      },
      {
        by: 'lucia-fernandez',
        hoursLater: 28,
        up: 2,
        body: `Add "running a daily huddle" if you do it. That is a stand-up in all but name, and agile teams love
hearing it.`,
      },
    ],
  },
  {
    by: 'george-osei',
    title: 'Project coordinator for two years: how do I get the project manager title?',
    body: `I have been a project coordinator at an engineering consultancy for two years. I update schedules, take
minutes, chase actions and run the document register. My manager says I am "nearly ready" but nothing changes. How do
people make the jump from coordinator to project manager?`,
    tags: ['project-management', 'career-change', 'first-90-days'],
    daysAgo: 46,
    views: 288,
    up: 7,
    answers: [
      {
        by: 'declan-byrne',
        hoursLater: 3,
        accepted: true,
        up: 9,
        body: `"Nearly ready" with no plan usually means your manager has not thought about it. Make it concrete for them.

**Ask for a small project of your own.** Not a bigger share of someone else's: a piece of work where you own the
plan, the budget line and the client conversation, even if it is a £30k survey package. Offer to keep doing your
coordinator work alongside it for three months.

**Agree what "ready" means.** Ask: "What would you need to see from me in the next six months to put me forward as a
project manager?" Write down the answer and send it back as an email.

**Start acting like the PM in meetings.** Propose the agenda, summarise decisions, name owners. People start treating
you as the project manager before your title catches up.

If after six months there is still nothing, that is your answer, and with two years of coordination plus a project
of your own, you will be very employable elsewhere.`,
        comments: [
          {
            by: 'george-osei',
            hoursLater: 6,
            body: 'The email idea is great. I have had the "nearly ready" conversation three times and never written anything down.',
          },
        ],
      },
      {
        by: 'priya-raman',
        hoursLater: 19,
        up: 3,
        body: `Also worth asking whether your firm has a project management career framework. Many consultancies do, and
it will list the competences for each grade. Mapping yourself against it turns a vague conversation into a specific
one.`,
      },
    ],
  },
  {
    by: 'hannah-lindqvist',
    title: 'My first 90 days as a new project manager: what should I focus on?',
    body: `I start my first official project manager role in three weeks, inheriting a project that is already six
months in (an HR system replacement, about 18 months total). What should I prioritise in the first 90 days?`,
    tags: ['first-90-days', 'project-management', 'stakeholder-management'],
    daysAgo: 44,
    views: 467,
    up: 12,
    answers: [
      {
        by: 'tomasz-nowak',
        hoursLater: 4,
        accepted: true,
        up: 13,
        body: `Inheriting a live project is a different job from starting one. Roughly:

## Days 1–30: listen and map
- Meet every key stakeholder one to one. Ask the same three questions: *What does success look like? What worries
  you? What do you need from me?*
- Read the business case, the plan, the RAID log and the last three status reports, and note where they disagree.
- Do **not** change the plan yet.

## Days 31–60: re-baseline honestly
- Build your own view of the critical path and compare it with the official plan.
- If the dates are not credible, say so now, with evidence. This is the only time the gap is not your fault.
- Agree the reporting rhythm with your sponsor.

## Days 61–90: make it yours
- Fix the one or two things that cause the most friction (unclear decisions, a missing test environment, a supplier
  that never answers).
- Run a short lessons-learned session on the first six months, framed as "what should we keep doing".

HR systems touch payroll, so find out on day one when the next payroll cut-over window is. Everything else bends
around it.`,
        comments: [
          {
            by: 'hannah-lindqvist',
            hoursLater: 3,
            body: 'The point about re-baselining early is exactly what I was nervous about. I will prepare the evidence before raising it.',
          },
          {
            by: 'priya-raman',
            hoursLater: 26,
            body: 'Seconding the honest re-baseline. From the PMO side, a new PM flagging a slip in month two is a relief, not a problem.',
          },
        ],
      },
      {
        by: 'grace-mensah',
        hoursLater: 15,
        up: 5,
        body: `One addition: keep a simple decision log from day one (date, decision, who made it, why). On an
inherited project it saves you when someone says "we never agreed that".`,
      },
    ],
  },
  {
    by: 'ivan-petrov',
    title: 'Moving from software developer to project manager: will I lose my technical credibility?',
    body: `I am a senior backend developer with nine years of experience. My company has offered me a project manager
role for a platform migration. I am tempted, but I worry that in two years I will be neither a good engineer nor a
respected PM. Has anyone made this move and regretted it?`,
    tags: ['career-change', 'project-management', 'it-projects'],
    daysAgo: 42,
    views: 302,
    up: 6,
    answers: [
      {
        by: 'tomasz-nowak',
        hoursLater: 8,
        accepted: true,
        up: 7,
        body: `I made a similar move from infrastructure. Your technical credibility does not disappear, it changes
shape: you stop being the person who knows the answer and become the person who knows which question to ask and who
to ask it of. Engineers respect a PM who cannot be fooled by an optimistic estimate.

What I would watch:

- **Do not keep coding on the project.** You will be tempted, and it will always come second to the plan.
- **Agree a way back.** Ask your manager whether you could return to engineering after the migration if it does not
  suit you. Most companies say yes, and knowing that makes the move far less scary.
- **Learn the money side early.** Budgets and contracts are what surprise ex-engineers most.`,
      },
      {
        by: 'lucia-fernandez',
        hoursLater: 33,
        up: 3,
        body: `Consider also whether a technical delivery lead or engineering manager role would give you more of what
you want. Project management is a great fit for people who enjoy coordination and conversations; if you mostly love
the architecture, it can feel like a loss.`,
      },
    ],
  },
  {
    by: 'jasmine-wong',
    title: 'How do I get project experience when every PM job asks for project experience?',
    body: `Classic chicken-and-egg problem. I work in finance operations (accounts payable team lead). Every junior
project role asks for two or three years of experience. How do people break the loop?`,
    tags: ['career-change', 'project-management'],
    daysAgo: 40,
    views: 389,
    up: 10,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 5,
        accepted: true,
        up: 10,
        body: `Finance operations is a great place to break the loop from, because finance teams are constantly on
the receiving end of projects (new ERP modules, invoice automation, audit remediation). Three routes:

1. **Volunteer as the business lead on a project that affects your team.** You will attend the project meetings,
   own the user testing and the training plan, and learn how projects run from the inside.
2. **Run an improvement project inside your own team** (say, cutting invoice processing time) with a proper charter,
   plan and closure report. Small, but real.
3. **Talk to your PMO.** Most PMOs need analysts who understand finance; it is a common entry point, and PMO analysts
   see every project in the portfolio.

Whatever you do, document it as a project: objectives, scope, plan, risks, outcome.`,
      },
      {
        by: 'kofi-asante',
        hoursLater: 52,
        up: 2,
        body: `Route 1 worked for me. I was the "business SME" on a payroll project, and when the PM left halfway
through they asked me to cover. That was my first project role.`,
      },
    ],
  },
  {
    by: 'kofi-asante',
    title: 'Should I list volunteer and community projects on a project manager CV?',
    body: `Outside work I organised a youth football tournament for 300 kids and led the fundraising for a community
centre roof. My paid work is in insurance claims. Are these worth putting on a CV for project roles, or does it look
amateur?`,
    tags: ['cv', 'career-change'],
    daysAgo: 38,
    views: 134,
    up: 3,
    answers: [
      {
        by: 'grace-mensah',
        hoursLater: 10,
        accepted: true,
        up: 4,
        body: `Put them on, in a section called "Projects" rather than "Volunteering", and describe them exactly as you
would a work project: scope, budget, people, constraints, result. A tournament for 300 children has safeguarding,
venues, volunteers, a fixed date and weather risk. That is a real project.

It only looks amateur if it is vague. "Helped organise a football event" is vague. "Planned and delivered a one-day
tournament for 300 players and 40 volunteers on a £6k budget" is not.`,
      },
    ],
  },
  {
    by: 'laura-bianchi',
    title: 'Taking a pay cut to move into project management: is it normal?',
    body: `I am a senior customer experience manager and I have been offered a project manager role in the same
company, but at a lower salary (about 8% less). They say it is because I am "new to project management". Is that
normal, and should I push back?`,
    tags: ['salary', 'career-change', 'customer-service'],
    daysAgo: 36,
    views: 276,
    up: 5,
    answers: [
      {
        by: 'grace-mensah',
        hoursLater: 6,
        accepted: true,
        up: 6,
        body: `It happens, but an internal move is the best place to negotiate it, because they already know what you
are worth. Some points to raise:

- **What you bring that an external PM would not:** relationships, knowledge of the customer journey, credibility
  with the operation.
- **A review point:** if they will not move on the starting salary, ask for a formal review after six months against
  agreed objectives, in writing.
- **Training:** ask them to fund your certification as part of the package.

An 8% cut for a move into a career with a higher ceiling can be worth it, but it should be a decision you make with
a plan to recover it, not something you accept because you feel lucky to be asked.`,
      },
      {
        by: 'ben-carter',
        hoursLater: 44,
        up: 2,
        body: `I took a small cut for my first PM role and recovered it within 14 months by moving to a bigger project.
Make sure the role gives you a project you can talk about in your next interview.`,
      },
    ],
  },
  {
    by: 'amara-okafor',
    title: 'How do you manage stakeholders who outrank you when you have no formal authority?',
    body: `Now that I have started leading a small internal project, the hardest part is not the plan. It is getting
heads of department to attend meetings and make decisions on time. I have no authority over any of them. What works?`,
    tags: ['stakeholder-management', 'soft-skills', 'project-management'],
    daysAgo: 33,
    views: 318,
    up: 8,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 2,
        accepted: true,
        up: 12,
        body: `You borrow authority from three places.

**Your sponsor.** Agree with them, explicitly, which decisions you will escalate and how fast. Then do it, politely
and without drama: "We need a decision on X by Friday to hold the date; if I don't have one by Thursday I'll take it to
Sarah." Once people see escalation is routine, not personal, they tend to decide on time.

**Their interests.** Every head of department cares about something your project touches. Open each conversation
with that, not with your plan. "This change cuts your team's rework by about a day a week; I need twenty minutes to
confirm the process with you."

**Making it easy.** Send decisions as a short paper with a recommendation, not an open question. Busy senior people
approve recommendations; they postpone questions.`,
        comments: [
          {
            by: 'amara-okafor',
            hoursLater: 4,
            body: "Recommendation, not open question. I am going to rewrite tomorrow's decision email with that in mind.",
          },
          {
            by: 'declan-byrne',
            hoursLater: 18,
            body: 'The same works on site with subcontractors. Nobody wants to escalate, but everybody respects someone who does it predictably.',
          },
        ],
      },
      {
        by: 'lucia-fernandez',
        hoursLater: 14,
        up: 4,
        body: `Try shorter, more focused sessions too. A 15-minute decision meeting with a clear question gets senior
people to attend far more reliably than a weekly hour-long project meeting.`,
      },
    ],
  },
  {
    by: 'ben-carter',
    title: 'Which project management tools should a career changer learn first?',
    body: `Job adverts mention MS Project, Jira, Smartsheet, Asana, Primavera, Monday... I cannot learn all of them.
Which ones are worth my time before I apply for my first PM role?`,
    tags: ['project-management', 'career-change', 'tools'],
    daysAgo: 31,
    views: 211,
    up: 3,
    answers: [
      {
        by: 'tomasz-nowak',
        hoursLater: 12,
        accepted: true,
        up: 5,
        body: `Learn the concepts in one scheduling tool and one work-tracking tool, and you will pick up the rest in a
week on the job.

- **Scheduling:** MS Project (or its free alternatives) to understand dependencies, critical path and baselines.
- **Work tracking:** Jira, because so many organisations use it, and its board and backlog ideas transfer everywhere.
- **Spreadsheets:** honestly, still the most used PM tool. Be very good at them.

Primavera only matters if you are heading into construction or energy.`,
      },
      {
        by: 'declan-byrne',
        hoursLater: 20,
        up: 3,
        body: `Speaking for construction: yes, Primavera P6. But nobody expects a career changer to know it; knowing
what a critical path is and why float matters is much more important than the software.`,
      },
    ],
  },
  {
    by: 'farah-haddad',
    title: 'Nervous about my first steering committee presentation next week',
    body: `I am presenting our project status to the steering committee for the first time. The project is about two
weeks behind because a supplier delivered late. Any tips on how to present bad news to senior people?`,
    tags: ['stakeholder-management', 'soft-skills', 'first-90-days'],
    daysAgo: 29,
    views: 187,
    up: 6,
    answers: [
      {
        by: 'robert-ashworth',
        hoursLater: 3,
        accepted: true,
        up: 8,
        body: `Steering committees forgive delays. What they do not forgive is surprises and a lack of options. Structure
it like this:

1. **Headline first:** "We are two weeks behind because of a late supplier delivery. Go-live is still achievable
   with one of the options below."
2. **Impact:** what the delay affects (dates, cost, other projects), in one or two sentences.
3. **Options:** two or three, each with its cost and risk, and **your recommendation**.
4. **The decision you need from them today.**

Send it to your sponsor the day before, so they are never surprised in the room. And do not apologise repeatedly;
one clear acknowledgement is enough.`,
        comments: [
          {
            by: 'farah-haddad',
            hoursLater: 50,
            body: 'Update: it went well! They picked option two and the chair thanked me for being clear. Thank you all.',
          },
        ],
      },
      {
        by: 'elif-yilmaz',
        hoursLater: 9,
        up: 2,
        body: `Rehearse the first minute out loud. Once the headline is out, the nerves usually settle.`,
      },
    ],
  },
  {
    by: 'chloe-dubois',
    title: 'Do I need a degree in project management to be taken seriously?',
    body: `I see master's degrees in project management advertised everywhere. I already have a degree in
communications. Do employers actually value a PM master's, or is certification and experience enough?`,
    tags: ['career-change', 'certifications', 'education'],
    daysAgo: 27,
    views: 143,
    up: 2,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 16,
        accepted: true,
        up: 4,
        body: `In fifteen years of hiring project managers and PMO staff, I have never chosen a candidate because of a
project management master's. Experience plus a recognised certification beats it every time. A master's can help if
you want a career in academia, or in some countries where degrees weigh more heavily in public sector grading.

Spend the money and the evenings on a certification and on getting a real project under your belt.`,
      },
    ],
  },
  {
    by: 'daniel-kim',
    title: 'What does a typical day look like for a project manager?',
    body: `Before I commit to this career, I would love to hear what people actually spend their day on. Job
descriptions are all "drive delivery" and "manage stakeholders".`,
    tags: ['project-management', 'career-change'],
    daysAgo: 25,
    views: 265,
    up: 7,
    answers: [
      {
        by: 'declan-byrne',
        hoursLater: 5,
        up: 6,
        body: `On a construction project, a typical day for me:

- 07:30 site walk with the site manager: what changed since yesterday, any safety issues
- 08:30 look at the programme against progress; update the two or three activities that moved
- 10:00 design team meeting: open queries, drawings that are late
- 12:00 commercial: a variation to price, an early warning to issue
- 14:00 client progress meeting
- 16:00 emails, minutes, tomorrow's priorities

About 70% of it is talking to people. The plan is the thing you talk *about*.`,
      },
      {
        by: 'lucia-fernandez',
        hoursLater: 7,
        accepted: true,
        up: 7,
        body: `In software teams it looks different but rhymes: a stand-up in the morning, a couple of hours unblocking
things (waiting on another team, an environment, a decision), a stakeholder meeting or two, updating the forecast,
and some time thinking ahead about risks. Very little of it is "managing" the team's work item by item.

If you like connecting people and solving small problems all day, you will probably love it. If you need long
stretches of uninterrupted focus to be happy, be honest with yourself about that.`,
      },
    ],
  },
  {
    by: 'george-osei',
    title: 'How do I handle a team member who keeps missing deadlines but does not report to me?',
    body: `On my first project as PM, one engineer from another department keeps missing agreed dates. Each time the
reason is "other priorities". Their line manager is friendly but vague. What should I do?`,
    tags: ['stakeholder-management', 'soft-skills'],
    daysAgo: 22,
    views: 121,
    up: 3,
    answers: [
      {
        by: 'lucia-fernandez',
        hoursLater: 6,
        accepted: true,
        up: 5,
        body: `"Other priorities" is usually true. The real problem is that the priority call is being made silently,
by the engineer, when it should be made openly by the people who own the priorities.

Make it visible: "Aisha has three things this week and capacity for two. Which one should slip?" Ask the line manager
and your sponsor together. Once the choice is explicit, either the engineer gets the time, or the plan changes. Both
are better than a date that slips every week.

And talk to the engineer first, privately. They are often as frustrated as you are.`,
      },
    ],
  },
  {
    by: 'elif-yilmaz',
    title: 'APM PFQ or PRINCE2 Foundation for a first step into NHS projects?',
    body: `Following the advice I got here a few weeks ago, I am choosing a first qualification. NHS job adverts
mention both PRINCE2 and APM. Which is the better first step for hospital projects?`,
    tags: ['certifications', 'prince2', 'healthcare'],
    daysAgo: 20,
    views: 98,
    up: 3,
    answers: [
      {
        by: 'robert-ashworth',
        hoursLater: 20,
        accepted: true,
        up: 4,
        body: `Either is fine and both are recognised. PRINCE2 Foundation is a method: stages, roles, controls. APM
PFQ is broader: it covers the whole discipline, including people and context. For someone with your background, the
PFQ tends to fill the gaps more usefully, while PRINCE2 is the keyword that gets you past screening.

If you can only do one this year, look at five adverts you would actually apply for and count which one appears more
often. Then do that one.`,
      },
    ],
  },
  {
    by: 'hannah-lindqvist',
    title: 'Three months in: how do I know if I am doing well as a new project manager?',
    body: `I am nearly at the end of my first 90 days (thanks for the advice in my earlier question!). Nobody gives
me much feedback. How do experienced PMs judge whether a new PM is doing well?`,
    tags: ['first-90-days', 'project-management', 'soft-skills'],
    daysAgo: 4,
    views: 54,
    up: 2,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 9,
        up: 3,
        body: `From the PMO, we notice three things about a new project manager:

- **Their reports match reality.** No watermelon projects (green outside, red inside).
- **Risks show up before they become issues.** The RAID log changes; it is not a museum.
- **Stakeholders stop chasing them.** When sponsors stop asking us "what is happening on that project?", the PM is
  doing well.

Ask your sponsor directly too: "What is one thing I should keep doing and one thing I should change?"`,
      },
    ],
  },
];
