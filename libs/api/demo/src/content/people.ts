import type { DemoPerson } from './types.js';

/** One shared password for every demo account (documented in the README; demo databases only). */
export const DEMO_PASSWORD = 'crossroads-demo';

/** Demo e-mail addresses: `amara-okafor` → `amara.okafor@demo.crossroads.local`. */
export const DEMO_EMAIL_DOMAIN = 'demo.crossroads.local';
export const demoEmail = (handle: string): string => `${handle.replace(/-/g, '.')}@${DEMO_EMAIL_DOMAIN}`;

export const DEMO_MENTORS: DemoPerson[] = [
  {
    handle: 'declan-byrne',
    displayName: 'Declan Byrne',
    role: 'MEMBER',
    joinedDaysAgo: 118,
    mentor: {
      headline: '27 years of project management in construction, from site engineer to project director',
      bio: `I started as a site engineer on motorway bridges and ended up running hospital and school builds worth
more than most of the companies that tendered for them. These days I split my time between a contractor's project
controls team and mentoring people who want to move into project management from the trades, from surveying or from
completely outside the industry.

## What I can help with
- Reading a programme properly: critical path, float, and why the baseline matters more than the pretty Gantt chart
- Commercial basics: variations, early warnings, and keeping a clean paper trail
- Running a site meeting that ends with decisions, not a list of grievances
- The PMP application when most of your experience is "on the tools"

I am blunt but kind. Bring a real problem and we will get further than with a hypothetical one.`,
      yearsExperience: 27,
      industries: ['Construction', 'Infrastructure', 'Healthcare estates'],
      certifications: ['PMP', 'PRINCE2 Practitioner', 'NEC4 Project Manager Accreditation'],
      expertise: [
        'project-management',
        'construction',
        'risk-management',
        'stakeholder-management',
        'pmp',
        'scheduling',
      ],
      links: ['https://www.linkedin.com/in/declan-byrne-demo'],
      acceptingRequests: true,
      maxOpenRequests: 3,
      verified: true,
    },
  },
  {
    handle: 'priya-raman',
    displayName: 'Priya Raman',
    role: 'MEMBER',
    joinedDaysAgo: 112,
    mentor: {
      headline: 'Head of Portfolio Office at a retail bank; built three PMOs from scratch',
      bio: `I lead the enterprise portfolio office at a retail bank: around 140 change initiatives, a quarterly
investment committee and a regulator who reads our status reports. Before that I was a project manager on payments
and core banking programmes, and before *that* I was a business analyst who kept being asked to "just run the plan".

I mentor project managers who are curious about PMO work and PMO analysts who want to move from reporting into
decision support. I am particularly interested in helping people make the portfolio conversation about value and
trade-offs rather than RAG colours.

**Ask me about:** PMO operating models, portfolio prioritisation, benefits tracking, governance that does not
strangle delivery, the PfMP, and how to present to an executive committee without drowning them.`,
      yearsExperience: 19,
      industries: ['Financial services', 'Banking', 'Payments'],
      certifications: ['PfMP', 'PMP', 'P3O', 'MSP'],
      expertise: ['pmo', 'portfolio-management', 'governance', 'reporting', 'stakeholder-management', 'pfmp'],
      links: ['https://www.linkedin.com/in/priya-raman-demo', 'https://priyaraman.example.com/writing'],
      acceptingRequests: true,
      maxOpenRequests: 4,
      verified: true,
    },
  },
  {
    handle: 'tomasz-nowak',
    displayName: 'Tomasz Nowak',
    role: 'MEMBER',
    joinedDaysAgo: 104,
    mentor: {
      headline: 'IT delivery manager: cloud migrations, ERP roll-outs and the people who make them work',
      bio: `I run delivery for a managed-services company: cloud migrations, ERP roll-outs, the occasional rescue of
a programme that went very quiet for six months. I came up through service desk and infrastructure, so I know what it
is like to be the technical person who is suddenly "the PM".

Happy to talk about hybrid delivery (a waterfall contract with agile teams inside it), vendor management, cut-over
planning, and how to interview for IT project roles when you are moving over from operations.`,
      yearsExperience: 14,
      industries: ['Information technology', 'Managed services', 'Manufacturing'],
      certifications: ['PMP', 'PRINCE2 Practitioner', 'ITIL 4 Foundation'],
      expertise: ['project-management', 'it-projects', 'hybrid', 'vendor-management', 'interviews', 'prince2'],
      links: ['https://www.linkedin.com/in/tomasz-nowak-demo'],
      acceptingRequests: true,
      maxOpenRequests: 5,
    },
  },
  {
    handle: 'lucia-fernandez',
    displayName: 'Lucía Fernández',
    role: 'MEMBER',
    joinedDaysAgo: 97,
    mentor: {
      headline: 'Agile coach and former Scrum Master helping teams and PMs find the useful middle ground',
      bio: `Eight years ago I was a project manager who was told her team was "going agile" on Monday. I have been
coaching teams, Scrum Masters and project managers through that same moment ever since, in insurance, e-commerce and
a public broadcaster.

I do not think agile and project management are enemies. I help people keep the parts of both that actually reduce
risk: short feedback loops, visible work, honest forecasts, and clear ownership of outcomes.

Good topics for a session: Scrum Master vs project manager roles, PMI-ACP or SAFe (and whether you need either),
facilitation, working with product owners, retrospectives that change something.`,
      yearsExperience: 13,
      industries: ['Insurance', 'E-commerce', 'Media'],
      certifications: ['PMI-ACP', 'SAFe', 'CSM'],
      expertise: ['agile', 'scrum', 'safe', 'facilitation', 'soft-skills', 'pmi-acp'],
      links: ['https://www.linkedin.com/in/lucia-fernandez-demo'],
      acceptingRequests: true,
      maxOpenRequests: 4,
    },
  },
  {
    handle: 'grace-mensah',
    displayName: 'Grace Mensah',
    role: 'MEMBER',
    joinedDaysAgo: 90,
    mentor: {
      headline: 'Career-change coach for people moving into project roles from operations and customer service',
      bio: `I managed contact centres for eleven years before moving into transformation projects, and I now coach
people making the same jump. Most of my clients are team leaders, operations managers and customer service managers
who already *do* project work but cannot get past the CV screen for a project manager role.

We work on three things: translating your experience into the language hiring managers look for, choosing the
right first certification (often not the one you think), and planning the first 90 days once you land the role.`,
      yearsExperience: 16,
      industries: ['Customer service', 'Telecommunications', 'Utilities'],
      certifications: ['PMP', 'PRINCE2 Foundation', 'ICF Associate Certified Coach'],
      expertise: ['career-change', 'cv', 'interviews', 'first-90-days', 'soft-skills', 'customer-service'],
      links: ['https://www.linkedin.com/in/grace-mensah-demo'],
      acceptingRequests: true,
      maxOpenRequests: 5,
    },
  },
  {
    handle: 'robert-ashworth',
    displayName: 'Robert Ashworth',
    role: 'MEMBER',
    joinedDaysAgo: 86,
    mentor: {
      headline: 'Programme manager in central government: digital services, assurance and spending controls',
      bio: `I have spent most of my career in the public sector: local government first, then two central government
departments, delivering digital services and the policy changes behind them. Public sector programmes have their
own rhythm (business cases, gateway reviews, ministers who change their minds) and I enjoy helping people decode it.

I currently have limited capacity, so I am not taking new mentorship requests for a few weeks, but I answer
questions here regularly, especially about programme management, MSP, benefits realisation and assurance.`,
      yearsExperience: 22,
      industries: ['Public sector', 'Local government', 'Digital services'],
      certifications: ['MSP', 'PRINCE2 Practitioner', 'PgMP'],
      expertise: ['programme-management', 'public-sector', 'governance', 'benefits-realisation', 'prince2'],
      links: ['https://www.linkedin.com/in/robert-ashworth-demo'],
      acceptingRequests: false,
      maxOpenRequests: 2,
    },
  },
];

export const DEMO_MEMBERS: DemoPerson[] = [
  { handle: 'amara-okafor', displayName: 'Amara Okafor', role: 'MEMBER', joinedDaysAgo: 74 },
  { handle: 'ben-carter', displayName: 'Ben Carter', role: 'MEMBER', joinedDaysAgo: 71 },
  { handle: 'chloe-dubois', displayName: 'Chloé Dubois', role: 'MEMBER', joinedDaysAgo: 69 },
  { handle: 'daniel-kim', displayName: 'Daniel Kim', role: 'MEMBER', joinedDaysAgo: 68 },
  { handle: 'elif-yilmaz', displayName: 'Elif Yılmaz', role: 'MEMBER', joinedDaysAgo: 66 },
  { handle: 'farah-haddad', displayName: 'Farah Haddad', role: 'MEMBER', joinedDaysAgo: 65 },
  { handle: 'george-osei', displayName: 'George Osei', role: 'MEMBER', joinedDaysAgo: 64 },
  { handle: 'hannah-lindqvist', displayName: 'Hannah Lindqvist', role: 'MEMBER', joinedDaysAgo: 63 },
  { handle: 'ivan-petrov', displayName: 'Ivan Petrov', role: 'MEMBER', joinedDaysAgo: 62 },
  { handle: 'jasmine-wong', displayName: 'Jasmine Wong', role: 'MEMBER', joinedDaysAgo: 62 },
  { handle: 'kofi-asante', displayName: 'Kofi Asante', role: 'MEMBER', joinedDaysAgo: 61 },
  { handle: 'laura-bianchi', displayName: 'Laura Bianchi', role: 'MEMBER', joinedDaysAgo: 61 },
];

export const DEMO_STAFF: DemoPerson[] = [
  { handle: 'sam-whitfield', displayName: 'Sam Whitfield', role: 'MODERATOR', joinedDaysAgo: 125 },
  { handle: 'alex-morgan', displayName: 'Alex Morgan', role: 'ADMIN', joinedDaysAgo: 130 },
];

export const DEMO_PEOPLE: DemoPerson[] = [...DEMO_STAFF, ...DEMO_MENTORS, ...DEMO_MEMBERS];

/** The demo sign-ins printed at start and listed in the README. */
export const DEMO_SIGN_INS: { label: string; handle: string }[] = [
  { label: 'moderator', handle: 'sam-whitfield' },
  { label: 'admin', handle: 'alex-morgan' },
  { label: 'mentor (PMO, financial services)', handle: 'priya-raman' },
  { label: 'mentor (construction)', handle: 'declan-byrne' },
  { label: 'mentor (career change)', handle: 'grace-mensah' },
  { label: 'member', handle: 'amara-okafor' },
];
