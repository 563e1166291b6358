import type { DemoQuestion } from './types.js';

/** Questions about PMO careers, agile, certifications, interviews and pay (original text written for Crossroads). */
export const PMO_AND_AGILE_QUESTIONS: DemoQuestion[] = [
  {
    by: 'kofi-asante',
    title: 'Project manager to PMO: is it a step up, sideways, or a step back?',
    body: `I have run projects for six years and I am tired of the firefighting. A PMO manager role has come up in
my organisation. Some colleagues say PMO is "admin" and a career dead end; others say it is the route to portfolio
and strategy roles. Which is it?`,
    tags: ['pmo', 'career-change', 'portfolio-management'],
    daysAgo: 57,
    views: 498,
    up: 13,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 2,
        accepted: true,
        up: 15,
        body: `It depends entirely on **what kind of PMO** it is, so find that out before you decide.

## Three kinds of PMO
- **Supportive:** templates, training, a reporting calendar. Mostly administration. This is the "dead end" your
  colleagues mean.
- **Controlling:** stage gates, assurance, standards. More influence, sometimes resented by delivery teams.
- **Directive or strategic (portfolio office):** helps the executive decide which projects to fund, stop and
  prioritise. This is the route to portfolio director and transformation roles.

## Questions to ask in the interview
1. Who does the PMO report to? (A COO or CFO is a good sign; a single programme director is narrower.)
2. What decisions has the PMO influenced in the last year? Ask for an example of a project that was stopped.
3. Does the PMO own the investment or prioritisation process, or just report on it?

For someone with six years of delivery, a controlling or strategic PMO is a genuine step up. You will see the whole
portfolio instead of one project, and that view is exactly what senior roles need.`,
        comments: [
          {
            by: 'kofi-asante',
            hoursLater: 3,
            body: 'Question 2 is brilliant. If nobody can name a project the PMO stopped, I think I know which kind it is.',
          },
          {
            by: 'robert-ashworth',
            hoursLater: 12,
            body: 'In government the portfolio office often runs the spending controls, which makes it one of the most influential teams in the building.',
          },
        ],
      },
      {
        by: 'tomasz-nowak',
        hoursLater: 21,
        up: 4,
        body: `One warning from the delivery side: keep one foot in delivery for your credibility. The best PMO leads I
have worked with still run a small project or do the occasional health check on a troubled one. Project managers
listen to someone who has been in the trenches recently.`,
      },
    ],
  },
  {
    by: 'jasmine-wong',
    title: 'What does a PMO analyst actually do all day?',
    body: `I have been offered an interview for a PMO analyst role in a pharmaceutical company. The description is
full of "governance", "portfolio reporting" and "resource management". What is the day-to-day reality?`,
    tags: ['pmo', 'reporting', 'interviews'],
    daysAgo: 54,
    views: 334,
    up: 8,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 6,
        accepted: true,
        up: 9,
        body: `A realistic week in a mid-sized PMO:

- **Monday–Tuesday:** collect status updates from project managers, chase the missing ones, check that the RAG
  ratings make sense against the milestones and the budget.
- **Wednesday:** build the portfolio report or dashboard; write the commentary (the part that actually matters).
- **Thursday:** resource meeting: who is over-allocated next month, which projects are competing for the same
  people.
- **Friday:** maintain the project register, prepare papers for the governance board, improve a template.

The analysts who progress are the ones who move from *collecting* information to *interpreting* it: "These three
projects all depend on the same data team in Q3, and two of them will slip unless we choose."`,
      },
      {
        by: 'laura-bianchi',
        hoursLater: 30,
        up: 3,
        body: `I did this job for a year. Be ready to get very good at Excel or Power BI, and at politely chasing
people. Both are more valuable than they sound.`,
      },
    ],
  },
  {
    by: 'laura-bianchi',
    title: 'PMO analyst for three years: what are the realistic next steps?',
    body: `I am a PMO analyst in a telecoms company. I enjoy the portfolio view but I feel stuck producing the same
reports every month. What are the usual next steps from here, and how do I choose?`,
    tags: ['pmo', 'portfolio-management', 'career-change'],
    daysAgo: 49,
    views: 276,
    up: 9,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 4,
        accepted: true,
        up: 10,
        body: `Three broad directions, and the right one depends on which part of your job you enjoy most.

1. **Into delivery: project manager.** If you enjoy the projects themselves and find yourself wanting to fix them,
   not report on them. Your portfolio knowledge is a big advantage.
2. **Up the PMO: PMO lead or portfolio manager.** If you enjoy the prioritisation, the trade-offs and the governance
   papers. Build skills in investment appraisal, benefits tracking and executive communication.
3. **Sideways: business planning, strategy or performance roles.** If you mostly enjoy the analysis and the data.

A good test: which meeting would you most like to run, a project stand-up, the portfolio board, or the annual
planning workshop? That usually tells you.

Whatever you choose, break the monthly routine now: propose one improvement to the portfolio report that helps a
decision, and present it yourself.`,
        comments: [
          {
            by: 'laura-bianchi',
            hoursLater: 8,
            body: 'The meeting test is a good one. It is definitely the portfolio board for me, which I did not expect.',
          },
        ],
      },
      {
        by: 'lucia-fernandez',
        hoursLater: 27,
        up: 2,
        body: `There is also a fourth route that is growing: agile portfolio or lean portfolio management roles in
organisations that have adopted SAFe or similar. Your PMO background fits those well.`,
      },
    ],
  },
  {
    by: 'ivan-petrov',
    title: 'Scrum Master or project manager: which is the better long-term career?',
    body: `I am choosing between a Scrum Master role and a traditional project manager role, both in my current
company. Which has the better long-term prospects?`,
    tags: ['agile', 'scrum', 'career-change'],
    daysAgo: 47,
    views: 402,
    up: 8,
    answers: [
      {
        by: 'lucia-fernandez',
        hoursLater: 3,
        accepted: true,
        up: 12,
        body: `They are different jobs, so the honest answer is "the one that fits how you like to work".

| | Scrum Master | Project manager |
|---|---|---|
| Accountable for | How the team works and improves | Delivering an outcome on time and budget |
| Authority | None over the work; influence only | Plan, budget, often scope decisions |
| Typical next step | Agile coach, delivery lead, engineering manager | Senior PM, programme manager, PMO |
| Market | More volatile; roles are sometimes cut first | Steadier, broader across industries |

If you want breadth and a path to programme or portfolio roles, project management is the safer long-term bet. If you
love coaching and team dynamics, Scrum Master can lead into coaching roles that are very satisfying. Many people do
both at different points.`,
      },
      {
        by: 'tomasz-nowak',
        hoursLater: 25,
        up: 3,
        body: `In my market (IT services) the "delivery manager" title is absorbing both. Learning the PM toolkit and
the agile one makes you very employable.`,
      },
    ],
  },
  {
    by: 'george-osei',
    title: 'PMI-ACP vs SAFe vs CSM: which agile certification for a project manager?',
    body: `My company is moving to agile delivery and I want an agile certification to go with my PMP. Which is the
most useful: PMI-ACP, a SAFe certification, or CSM?`,
    tags: ['agile', 'certifications', 'safe', 'pmi-acp'],
    daysAgo: 45,
    views: 256,
    up: 5,
    answers: [
      {
        by: 'lucia-fernandez',
        hoursLater: 5,
        accepted: true,
        up: 7,
        body: `Match it to what your company is actually adopting.

- **SAFe:** only if your organisation uses SAFe. Then it is very useful, because you will learn the vocabulary of
  release trains and PI planning that everyone around you uses.
- **CSM:** a two-day course, a good introduction to Scrum, widely recognised. Good if your teams are using Scrum.
- **PMI-ACP:** the broadest (Scrum, Kanban, XP, lean) and the one with an experience requirement, so it carries more
  weight on a CV, especially next to a PMP.

If your company has not decided on a framework yet, PMI-ACP ages best.`,
      },
    ],
  },
  {
    by: 'amara-okafor',
    title: 'How should I answer "Tell me about a project that failed" in a PM interview?',
    body: `I have a second-round interview for a project manager role. I am sure they will ask about a failure. My
honest example is a training roll-out that missed its date by two months. How do I talk about it without sinking
myself?`,
    tags: ['interviews', 'soft-skills'],
    daysAgo: 41,
    views: 229,
    up: 6,
    answers: [
      {
        by: 'tomasz-nowak',
        hoursLater: 4,
        accepted: true,
        up: 8,
        body: `Interviewers ask this to check three things: that you take ownership, that you understand *why* it
happened, and that you changed something afterwards. A two-month slip is a perfectly good example.

Use this shape:

1. **Context (20 seconds):** what the roll-out was and why the date mattered.
2. **What went wrong, owned:** "I planned the training around the system's go-live date and did not build in time for
   the supplier's content review. When that took five weeks instead of one, we slipped."
3. **What you did:** how you told stakeholders, what you recovered.
4. **What you do differently now:** "I now ask every supplier for their review cycle in writing at the start, and
   I put a buffer on anything I do not control."

Do not pick a failure caused entirely by other people. It sounds like blame even if it is true.`,
        comments: [
          {
            by: 'amara-okafor',
            hoursLater: 60,
            body: 'Used exactly this structure and got the offer! Starting in four weeks.',
          },
          {
            by: 'grace-mensah',
            hoursLater: 62,
            body: 'Congratulations Amara! Well deserved.',
          },
        ],
      },
    ],
  },
  {
    by: 'ben-carter',
    title: 'Portfolio management vs programme management: what is the real difference?',
    body: `I keep seeing both terms used as if they were the same thing. As someone planning a long-term career, what
is the practical difference between portfolio and programme management roles?`,
    tags: ['portfolio-management', 'programme-management', 'pmo'],
    daysAgo: 39,
    views: 187,
    up: 4,
    answers: [
      {
        by: 'robert-ashworth',
        hoursLater: 7,
        accepted: true,
        up: 6,
        body: `A short way to put it:

- A **programme** is a set of related projects delivering a shared outcome. "Move every citizen-facing service online
  by 2027." The programme manager is accountable for that outcome and the benefits.
- A **portfolio** is the whole collection of change an organisation is funding, related or not. The portfolio
  manager helps decide *which* projects and programmes to do at all, in what order, with what money.

Programme managers live closer to delivery; portfolio managers closer to strategy and finance. Both are natural
next steps after senior project management; PMO experience leads more often to portfolio roles.`,
      },
      {
        by: 'priya-raman',
        hoursLater: 19,
        up: 3,
        body: `And in practice: the programme manager asks "are we delivering this well?", the portfolio manager asks
"should we still be doing this at all?"`,
      },
    ],
  },
  {
    by: 'chloe-dubois',
    title: 'How to negotiate salary for a first project manager role?',
    body: `I have an offer for a junior project manager role (my first). The salary is at the bottom of the advertised
range. Is it acceptable to negotiate when I am new to the profession?`,
    tags: ['salary', 'interviews', 'career-change'],
    daysAgo: 35,
    views: 214,
    up: 4,
    answers: [
      {
        by: 'grace-mensah',
        hoursLater: 8,
        accepted: true,
        up: 6,
        body: `Yes, it is acceptable, and a polite, well-reasoned ask almost never loses an offer. Keep it simple:

> "Thank you, I'm excited about the role. Given my experience leading the campaign launch projects and managing a
> team of twelve, I was hoping for something closer to the middle of the range. Is there flexibility?"

If the answer is no on salary, ask about other things: a review at six months, a certification, an extra day of
leave. And decide before the call what you would accept, so you are not deciding under pressure.`,
      },
    ],
  },
  {
    by: 'daniel-kim',
    title: 'Do project manager salaries differ much between industries?',
    body: `I am weighing up a project coordinator offer in construction against one in software. Long term, are there
big salary differences between industries for project managers?`,
    tags: ['salary', 'project-management', 'construction'],
    daysAgo: 34,
    views: 309,
    up: 5,
    answers: [
      {
        by: 'declan-byrne',
        hoursLater: 10,
        accepted: true,
        up: 5,
        body: `Yes, though less than people think at the start and more than they think at the top. Roughly what I see:

- **Construction, energy and infrastructure:** strong pay at senior levels, because project value and risk are high.
  Site-based roles often come with allowances.
- **Financial services:** some of the best-paid project and PMO roles, especially in regulatory change.
- **Software and IT:** wide range; contract rates can be very high, permanent roles are more middling.
- **Public sector and charities:** lower base pay, better pensions and hours.

Pick the industry whose problems you find interesting. You will be better at the job, and that drives pay much more
than the starting sector.`,
      },
    ],
  },
  {
    by: 'jasmine-wong',
    title: 'How do I prepare for a PMO interview with a case study exercise?',
    body: `The PMO analyst interview (from my earlier question) includes a 30-minute case study: "You will be given a
portfolio of projects and asked to present your recommendations." How should I prepare?`,
    tags: ['pmo', 'interviews', 'portfolio-management'],
    daysAgo: 30,
    views: 176,
    up: 5,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 3,
        accepted: true,
        up: 8,
        body: `I set exercises like this. What I look for:

1. **You spot the few things that matter.** Usually there is a resource clash, a project with no clear benefit, and
   one whose status looks too good to be true. Find them.
2. **You recommend, you do not just describe.** "I would pause project D, because..." beats a tidy summary of all
   eight projects.
3. **You are clear about assumptions.** "I have assumed the budget figures are forecasts to completion."

Practise by taking any list of ten projects (make them up) and giving yourself 20 minutes to produce three
recommendations on one slide.`,
        comments: [
          {
            by: 'jasmine-wong',
            hoursLater: 5,
            body: 'That is really useful, especially the project whose status looks too good to be true. I will practise with a made-up portfolio.',
          },
        ],
      },
    ],
  },
  {
    by: 'kofi-asante',
    title: 'Hybrid project management: waterfall contract, agile teams. How do you report progress?',
    body: `My new project has a fixed-price contract with milestones, but the supplier's teams work in two-week
sprints. The steering committee wants a Gantt chart; the teams live in Jira. How do I report progress honestly to
both?`,
    tags: ['agile', 'hybrid', 'reporting', 'project-management'],
    daysAgo: 28,
    views: 233,
    up: 7,
    answers: [
      {
        by: 'tomasz-nowak',
        hoursLater: 5,
        accepted: true,
        up: 9,
        body: `This is most IT projects I run. What works:

- **Map contract milestones to epics** (or features) in Jira, so every milestone has a measurable scope.
- **Report milestone forecasts, not sprint details.** For each milestone: scope done vs remaining, the team's
  recent velocity, and a forecast date with a range.
- **Keep a high-level plan** with the milestones, external dependencies and the release windows. That is your Gantt
  chart, and it should fit on one page.

The key is that both views come from the same numbers. If the forecast in Jira says March and the Gantt chart says
February, the Gantt chart is wrong.`,
      },
      {
        by: 'lucia-fernandez',
        hoursLater: 17,
        up: 4,
        body: `A burn-up chart per milestone is the bridge. Executives understand it in ten seconds, and it shows scope
changes honestly, which a burn-down hides.`,
        comments: [
          {
            by: 'kofi-asante',
            hoursLater: 6,
            body: 'Burn-up per milestone is exactly what I was missing. Trying it at the next steering committee.',
          },
        ],
      },
    ],
  },
  {
    by: 'farah-haddad',
    title: 'Is the PfMP worth pursuing for a PMO lead?',
    body: `I lead a small PMO (three analysts) in an insurance company and have my PMP. Would the PfMP help me move
towards a portfolio director role, or is it too niche to be recognised?`,
    tags: ['pfmp', 'certifications', 'pmo', 'portfolio-management'],
    daysAgo: 26,
    views: 121,
    up: 3,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 12,
        accepted: true,
        up: 5,
        body: `I hold it, so I am biased, but here is the honest version: it is niche, relatively few people have it,
and most recruiters will not filter on it. Its value is elsewhere.

- Preparing for it forces you to learn portfolio management properly: strategic alignment, capacity, value,
  risk across the portfolio. Most PMO leads pick that up piecemeal.
- Among executives who know what it is, it signals you think about the portfolio, not just the reports.

If you want the learning, go for it. If you want a CV keyword, MSP or P3O will be recognised more widely in Europe.`,
      },
    ],
  },
  {
    by: 'ivan-petrov',
    title: 'How do I build a RAID log that people actually use?',
    body: `On my new project the RAID log is a 200-row spreadsheet that nobody reads. How do experienced project
managers keep risks, assumptions, issues and dependencies useful?`,
    tags: ['risk-management', 'project-management', 'first-90-days'],
    daysAgo: 24,
    views: 162,
    up: 4,
    answers: [
      {
        by: 'declan-byrne',
        hoursLater: 6,
        accepted: true,
        up: 6,
        body: `A RAID log is only useful if it drives a conversation. Some rules I use:

- **Every risk has an owner and a next action with a date.** No owner, no risk; close it or find one.
- **Review the top ten weekly, not all 200.** Sort by exposure and discuss only what changed.
- **Archive ruthlessly.** A closed risk belongs in a separate tab.
- **Write risks as cause → event → effect:** "Because the steel supplier has a single mill, a delay there could push
  the frame erection into winter, adding six weeks."

If a risk has not changed in two months, either it is not really a risk or nobody is managing it.`,
        comments: [
          {
            by: 'ivan-petrov',
            hoursLater: 7,
            held: true,
            body: 'Found two templates that follow this: https://templates.example.com/raid-log and https://www.example.org/risk-register. Worth a look?',
          },
          {
            guest: { name: 'Marco', email: 'marco.l@example.com' },
            hoursLater: 15,
            held: true,
            body: 'Cause, event, effect changed how our whole team writes risks. Thanks for spelling it out so clearly.',
          },
        ],
      },
    ],
  },
  {
    by: 'hannah-lindqvist',
    title: 'Should a PMO set standards or support project managers? Our team cannot agree',
    body: `Our newly formed PMO is split. Half the team wants strict templates and stage gates; the other half wants
to be a helpful service for project managers. As a project manager on the receiving end, what works better?`,
    tags: ['pmo', 'governance'],
    daysAgo: 21,
    views: 140,
    up: 4,
    answers: [
      {
        by: 'priya-raman',
        hoursLater: 7,
        accepted: true,
        up: 6,
        body: `Both, in that order of priority for the first year: **support first, then standards**.

A new PMO that opens with mandatory templates gets routed around. One that first helps project managers (a good
schedule template, a quick health check, unblocking a resource conflict) earns the trust it needs to introduce
standards later.

When you do introduce standards, keep them minimal and proportionate: a one-page charter for small projects, a full
business case only above a threshold. And explain what decision each template supports. If nobody can name the
decision, drop the template.`,
      },
      {
        by: 'robert-ashworth',
        hoursLater: 31,
        up: 2,
        body: `In regulated environments you will need a few non-negotiable controls from day one (spend approvals,
assurance points). Name them clearly, keep everything else optional, and review it after six months.`,
      },
    ],
  },
  {
    by: 'laura-bianchi',
    title: 'Benefits realisation: who is responsible once the project has closed?',
    body: `In our portfolio reports we track benefits for a few months after go-live, then the project closes and
nobody looks again. Who should own benefits after closure?`,
    tags: ['portfolio-management', 'benefits-realisation', 'governance'],
    daysAgo: 18,
    views: 97,
    up: 3,
    answers: [
      {
        by: 'robert-ashworth',
        hoursLater: 14,
        accepted: true,
        up: 5,
        body: `The business owner, never the project. A project delivers capabilities; benefits come when the business
uses them, often long after the project team has moved on.

What makes it stick:

- Name a **benefit owner** in the business case: a person in the operation, not the sponsor's title.
- Agree the **measure, baseline and review dates** before go-live.
- Have the **portfolio office report benefits** at the same board where new investments are approved. Nothing focuses
  minds like seeing whether last year's promises came true next to this year's requests.`,
      },
    ],
  },
  {
    by: 'elif-yilmaz',
    title: 'How do I prepare for the PMP exam while working full time?',
    body: `I am planning to sit the PMP in about four months, working full time with two children. What study
routine has worked for others?`,
    tags: ['pmp', 'certifications'],
    daysAgo: 16,
    views: 188,
    up: 5,
    answers: [
      {
        by: 'declan-byrne',
        hoursLater: 9,
        accepted: true,
        up: 6,
        body: `What worked for me, and for most people I have mentored through it:

- **Five short sessions a week beat one long one.** 45 minutes before the house wakes up is worth more than a
  three-hour Sunday.
- **Start practice questions in week two, not at the end.** The exam rewards a particular way of thinking
  ("what should the project manager do *first*?"), and you learn it from questions.
- **Book the exam date early.** A date on the calendar makes the plan real.
- **Two full mock exams** in the last three weeks, under timed conditions.

Four months is comfortable. Tell your family the plan; it helps more than you would think.`,
      },
      {
        by: 'ben-carter',
        hoursLater: 36,
        up: 3,
        body: `Passed in March with a similar routine. The agile and hybrid content is a big part of the exam now, so do
not only study the traditional process material.`,
      },
    ],
  },
  {
    by: 'jasmine-wong',
    title: 'How detailed should a project plan be for a six-month internal project?',
    body: `I am planning my first real project (an invoice automation roll-out, six months, five people part-time). My
draft plan has 240 tasks. Is that too many?`,
    tags: ['project-management', 'scheduling'],
    daysAgo: 12,
    views: 86,
    up: 2,
    answers: [
      {
        by: 'tomasz-nowak',
        hoursLater: 11,
        accepted: true,
        up: 4,
        body: `Probably. A useful rule: plan in detail for the next six to eight weeks and in milestones beyond that.
For a six-month project with five part-time people, 40–70 lines is usually plenty: each line a piece of work with a
clear owner and a finish you can see.

If you cannot update the plan in 20 minutes a week, it is too detailed, and it will go stale.`,
      },
      {
        by: 'declan-byrne',
        hoursLater: 29,
        up: 2,
        body: `Keep the detailed task list if it helps you think, but do not make it the plan people report against.
Two levels: milestones for the sponsor, tasks for the team.`,
      },
    ],
  },
  {
    by: 'ben-carter',
    title: 'What questions should I ask at the end of a project manager interview?',
    body: `Interviews always end with "Do you have any questions for us?" What are good questions for a project
manager role that show I know what I am doing?`,
    tags: ['interviews', 'project-management'],
    daysAgo: 9,
    views: 73,
    up: 3,
    answers: [
      {
        by: 'grace-mensah',
        hoursLater: 6,
        up: 4,
        body: `A few that tell you a lot and show you think like a project manager:

- "What does success look like for this project at the twelve-month mark?"
- "Who is the sponsor, and how often does the project manager meet them?"
- "What is the biggest risk on the project right now?"
- "How are project managers supported here: is there a PMO, a community of practice, training?"
- "Why is the role open?" (Asked kindly. The answer is often revealing.)`,
      },
    ],
  },
  {
    by: 'george-osei',
    title: 'Moving from a construction project coordinator role to PMO in a contractor: good idea?',
    body: `My company is setting up a project controls and PMO function and has asked if I want to join. I am still
hoping to become a project manager eventually. Would this help or hurt?`,
    tags: ['pmo', 'construction', 'career-change'],
    daysAgo: 6,
    views: 58,
    up: 2,
    answers: [
      {
        by: 'declan-byrne',
        hoursLater: 20,
        up: 3,
        body: `In construction, project controls is one of the best apprenticeships for project management there is. You
learn planning, cost, change control and reporting across several jobs at once, and you build relationships with
every project manager in the business. Plenty of good construction PMs came through that route.

Ask for a defined rotation or a review in 18 months, so it does not become a permanent home by accident.`,
      },
    ],
  },
  {
    by: 'chloe-dubois',
    title: 'How do I introduce lessons learned that are actually used on the next project?',
    body: `Our lessons learned documents are written at project closure and never read again. Any practical approaches
that make lessons learned useful?`,
    tags: ['project-management', 'pmo', 'governance'],
    daysAgo: 2,
    views: 31,
    comments: [
      {
        guest: { name: 'Pieter', email: 'pieter.v@example.net' },
        hoursLater: 8,
        held: true,
        body: "We started reviewing the previous project's lessons at every kick-off meeting. Simple, but it changed the conversation.",
      },
    ],
    answers: [],
  },
  {
    by: 'daniel-kim',
    title: 'Is it worth learning Power BI for PMO reporting roles?',
    body: `Many PMO analyst job adverts mention Power BI. I am comfortable with Excel pivot tables. Is it worth
investing a few weekends in Power BI before I apply?`,
    tags: ['pmo', 'reporting', 'tools'],
    daysAgo: 1,
    views: 19,
    answers: [],
  },
];
