/**
 * Original guide articles written for Crossroads' demo community. Plain data: the seed function
 * inserts them; the headings feed each article's table of contents.
 */

export interface DemoArticle {
  slug: string;
  title: string;
  summary: string;
  tags: string[];
  body: string;
}

export interface DemoTopic {
  slug: string;
  name: string;
  description: string;
  articles: DemoArticle[];
}

export const DEMO_TOPICS: DemoTopic[] = [
  {
    slug: 'moving-into-project-management',
    name: 'Moving into project management',
    description:
      'Guides for people who already coordinate work and want the project manager title, the skills and the first months right.',
    articles: [
      {
        slug: 'from-customer-service-manager-to-project-manager',
        title: 'From customer service manager to project manager',
        summary:
          'What a customer service manager already does that projects need, what is missing, and a six-month plan to close the gap.',
        tags: ['project-management', 'career-change', 'customer-service'],
        body: `Running a customer service team is closer to project management than most job adverts suggest. You plan capacity, chase
dependencies on other teams, report to people who only want the headline, and keep going when the plan meets reality.
This guide helps you name those skills, fill the real gaps, and make the move without starting from zero.

## What you already bring

- **Stakeholder management.** You explain bad news to customers and to your own director. Projects run on that skill.
- **Planning under constraints.** Rotas, seasonal peaks and service levels are resource plans with a deadline every day.
- **Measuring outcomes.** You already live by targets such as first-contact resolution or satisfaction scores. Projects need people who connect work to a measurable result.
- **Process improvement.** If you have changed a workflow, a script or a tool and made it stick, you have run a small change project.

Write these down as short stories: the situation, what you did, the result in numbers. They become your CV bullets and your interview answers.

## The gaps to close

### Vocabulary and method

Hiring managers listen for the language of scope, schedule, budget, risk and benefits. A foundation course (CAPM, PRINCE2
Foundation or an agile equivalent) gives you the words and a framework to hang your experience on. Pick the one that
matches the job adverts in your area, not the one with the longest syllabus.

### Scheduling and budgets

Customer service rarely owns a budget line by line. Practise with a real plan: a work breakdown, dependencies, a critical
path and a simple cost tracker. A spreadsheet is enough to show you understand the ideas.

### Leading without authority

On a project most of the people doing the work do not report to you. Notice how you get help from IT or finance today,
and treat that as the skill to build deliberately.

## A six-month plan

1. **Month 1:** list three improvement ideas for your own area and agree one with your manager as a formal project with a start, an end and a sponsor.
2. **Months 2–4:** run it with a one-page charter, a plan, a risk log and a fortnightly status report. Keep every document.
3. **Month 3:** start the foundation certificate alongside.
4. **Month 5:** close the project properly: lessons learned, benefits measured, a thank-you note to the people who helped.
5. **Month 6:** apply for internal project coordinator or junior project manager roles with that project as your headline example.

## Internal moves beat external ones

Your organisation already trusts you. A project office or change team that knows your work will often take a chance that
an external recruiter will not. Ask for a coffee with a project manager you admire and ask what their next project needs.

## Common mistakes

- Leading with the certificate instead of the results. The certificate gets you past a filter; the stories get you the job.
- Undervaluing operational experience. Projects fail when nobody plans for the day after go-live, and you know that day well.
- Waiting to feel ready. Volunteer for the messy project nobody wants; it is the fastest teacher.
`,
      },
      {
        slug: 'your-first-90-days-as-a-project-manager',
        title: 'Your first 90 days as a project manager',
        summary:
          'A practical plan for the first three months in a new project manager role: listen, stabilise, then improve.',
        tags: ['project-management', 'first-90-days'],
        body: `The first three months set how people see you for the rest of the project. The aim is not to change everything. It is
to understand the work, earn trust and deliver one visible improvement. Split the time into three phases.

## Days 1–30: listen and map

### Meet everyone who can stop the project

Make a stakeholder list on day one and book short one-to-one conversations. Ask each person three questions: what does
success look like for you, what worries you, and what should I not change. Write the answers down; patterns appear quickly.

### Read what exists

Find the business case, the plan, the risk log, the last three status reports and any steering committee minutes. Note
where they disagree with what people told you. Those gaps are your first risks.

### Learn the rhythm

Which meetings decide things and which only report? Who signs off spending? Where do requests really come from? Do not
add meetings yet.

## Days 31–60: stabilise

### Agree one version of the truth

Publish a single plan and a single risk and issue log that everyone can see. Keep them short. A plan nobody reads is worse
than no plan.

### Fix the reporting

Send a one-page status report on a fixed day: progress against milestones, top risks with owners, decisions needed.
Use red, amber and green honestly; a project that is green for months and then turns red has lost trust.

### Make the team's life easier

Remove one obstacle the team has complained about: a slow approval, a missing tool, a meeting that wastes an hour a week.

## Days 61–90: improve and look ahead

- Run a short retrospective and act on one or two points.
- Re-baseline the plan if it is unrealistic, with the sponsor's agreement and clear reasons.
- Agree with your sponsor how you will both judge the next quarter.

## Signs the first 90 days went well

- The sponsor reads your report and replies with decisions, not questions.
- Team members bring you problems early.
- You can state the three biggest risks and what is being done about each without looking anything up.

## A note on confidence

New project managers often feel they must have every answer. You do not. Saying "I will find out by Thursday" and then
doing it builds more trust than a confident guess.
`,
      },
    ],
  },
  {
    slug: 'pmo-careers',
    name: 'PMO careers',
    description:
      'What a project management office does, the roles inside it, and how to move into one and do well there.',
    articles: [
      {
        slug: 'what-a-pmo-does-and-the-roles-in-it',
        title: 'What a PMO does and the roles in it',
        summary:
          'The three kinds of PMO, what each one is for, and the roles from PMO analyst to head of portfolio office.',
        tags: ['pmo', 'project-management'],
        body: `A project management office (PMO) exists to help an organisation deliver its projects and programmes more
predictably. What that means day to day depends on the kind of PMO and on how much authority it has.

## Three kinds of PMO

### Supportive

Provides templates, training, tools and administrative help. Projects choose whether to use them. Low control, high
service: success depends on being genuinely useful.

### Controlling

Sets standards that projects must follow: stage gates, reporting formats, risk management rules. It checks compliance and
escalates when projects drift.

### Directive

Manages the projects directly: project managers report into the PMO, which assigns them and owns delivery.

Many organisations also use names by scope: a **project** office supports one large project, a **programme** office a
group of related projects, and a **portfolio** office the whole investment mix of the organisation.

## Typical roles

| Role | Focus |
| --- | --- |
| PMO administrator | Document control, meeting logistics, tool upkeep |
| PMO analyst | Reporting, data quality, planning support, risk and issue logs |
| Planner or scheduler | Integrated plans, dependencies, critical path |
| PMO manager or lead | Runs the office, sets standards, coaches project managers |
| Portfolio manager | Prioritises investment and balances capacity across the portfolio |
| Head of PMO or portfolio office | Owns governance and reports to the executive team |

## What good looks like

A good PMO makes decisions easier for leaders and work easier for project teams. Signs of a healthy office:

- Reports are short, trusted and used to decide, not just filed.
- Project managers ask the PMO for help rather than avoiding it.
- Standards are few and have a reason people can explain.

## Skills that matter across PMO roles

Data handling and clear reporting, planning and scheduling, governance and risk, facilitation, and the ability to
challenge senior people politely with evidence.
`,
      },
      {
        slug: 'moving-from-project-manager-to-a-pmo-role',
        title: 'Moving from project manager to a PMO role',
        summary:
          'Why project managers move into PMOs, how the work changes, and how to present your experience for a PMO job.',
        tags: ['pmo', 'career-change', 'project-management'],
        body: `Project managers move into PMOs for many reasons: a wider view of the organisation, more predictable hours, an interest
in governance and data, or a step towards portfolio management. The move is natural, but the job is different.

## How the work changes

### From delivering one thing to enabling many

As a project manager you own an outcome. In a PMO you help many projects succeed, often without direct authority. Your
influence comes from the quality of your information and advice.

### From plans to portfolios

Instead of one plan you look across plans: shared resources, clashing milestones, dependencies between projects, and
whether the whole set still matches the strategy.

### From reporting to analysing

You will receive more reports than you write. The value you add is spotting the pattern: the supplier late on three
projects, the team booked at 140 percent, the risk every project lists and nobody owns.

## Presenting your experience

- Lead with cross-project impact: a template you created that others adopted, a reporting improvement, a lessons-learned session that changed practice.
- Show comfort with data: dashboards, resource models, earned value, even a well-built spreadsheet.
- Mention governance: stage gates you passed, audits you prepared for, steering committees you supported.

## Qualifications that help

Portfolio or programme certificates (for example P3O, MSP, PgMP or PfMP) signal intent, but most hiring managers care more
about evidence that you can run the reporting and governance cycle reliably.

## Questions to ask before accepting

1. Is the PMO supportive, controlling or directive, and is that what leadership actually wants?
2. Who uses the PMO's reports, and what decisions did they drive last quarter?
3. What would the project managers say about the PMO today?

The answers tell you whether you are joining an office with a mandate or one that has to earn it. Both can be good moves,
as long as you know which one you are walking into.
`,
      },
      {
        slug: 'soft-skills-for-pmo-practitioners',
        title: 'Soft skills for PMO practitioners',
        summary:
          'Influence without authority, clear writing, facilitation and saying no well: the skills that make a PMO trusted.',
        tags: ['pmo', 'soft-skills'],
        body: `Templates and tools are the easy part of PMO work. What makes an office trusted is how its people behave: how they ask
for information, how they deliver bad news, and how they help rather than police.

## Influence without authority

Most people you depend on do not report to you. Influence comes from three things: being useful, being reliable, and
understanding what the other person is measured on. Before asking a project manager for a report, ask yourself what they
get from it. If the answer is nothing, improve the report.

## Writing that gets read

- Put the decision or the key message in the first line.
- Use numbers and dates instead of adjectives.
- Keep status reports to one page; link to detail for those who want it.

A leader who can read your summary in thirty seconds will keep reading your summaries.

## Facilitation

PMO staff often run workshops: planning sessions, risk reviews, retrospectives. Good facilitation means a clear purpose,
an agenda with timings, a neutral stance, and written outcomes with owners sent the same day.

## Challenging with respect

When a project reports green but the data says amber, say so privately first, with the evidence, and offer help. Escalate
only if that fails, and tell the project manager before you do. Surprises destroy trust faster than bad news.

## Saying no well

A PMO that accepts every request becomes a dumping ground. Say what you can do, by when, and what would have to stop to
do more. Offer an alternative whenever you can.

## Emotional steadiness

Portfolios are noisy. Deadlines move, priorities change, and senior people get anxious. Staying calm, asking clarifying
questions and writing down what was agreed is a skill people notice and value.

## Building these skills deliberately

Ask for feedback after workshops, keep a short log of difficult conversations and what you learned, and find a mentor in
a senior PMO role who can review your reports and coach you on stakeholder situations.
`,
      },
    ],
  },
];
