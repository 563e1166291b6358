/** Words and phrases of career changes into project management and PMO work, for generated posts. */

export const ROLES = [
  'customer service manager', 'project coordinator', 'project manager', 'senior project manager', 'program manager',
  'portfolio manager', 'PMO analyst', 'PMO lead', 'head of PMO', 'scrum master', 'product owner', 'business analyst',
  'operations manager', 'team lead', 'site engineer', 'construction manager', 'IT service manager', 'delivery manager',
  'change manager', 'agile coach', 'release manager', 'account manager', 'office manager', 'QA lead',
];

export const TOPICS = [
  'stakeholder management', 'risk register', 'project charter', 'work breakdown structure', 'critical path', 'earned value',
  'status reporting', 'resource planning', 'budget tracking', 'change control', 'benefits realisation', 'governance board',
  'sprint planning', 'retrospectives', 'backlog refinement', 'portfolio prioritisation', 'capacity planning', 'RAID log',
  'lessons learned', 'vendor contracts', 'scope creep', 'dependency mapping', 'milestone plan', 'steering committee',
  'business case', 'Gantt chart', 'kanban board', 'OKRs', 'quality assurance', 'procurement', 'handover', 'go-live',
];

export const CERTS = ['PMP', 'CAPM', 'PRINCE2 Foundation', 'PRINCE2 Practitioner', 'PfMP', 'PgMP', 'SAFe Agilist', 'PSM I', 'MSP', 'P3O', 'AgilePM', 'ITIL 4'];

export const INDUSTRIES = ['construction', 'banking', 'insurance', 'healthcare', 'retail', 'telecoms', 'public sector', 'software', 'manufacturing', 'energy', 'logistics', 'education'];

export const TITLE_TEMPLATES = [
  'How do I move from {role} to {role2}?',
  'Is {cert} worth it for a {role} with {years} years of experience?',
  'How should a new {role} handle {topic}?',
  'What does a {role2} actually do all day in {industry}?',
  '{cert} or {cert2}: which first when moving into project management?',
  'How do I show {topic} experience on my CV as a {role}?',
  'Moving into a PMO from {industry}: where do I start?',
  'How do I get my first {role2} job without formal {topic} experience?',
  'Is it normal for a {role2} to own {topic} in {industry}?',
  'What questions come up in a {role2} interview about {topic}?',
  'How do I negotiate salary for a {role2} role in {industry}?',
  'Should I take a {role2} contract or stay a permanent {role}?',
];

export const SENTENCES = [
  'I have been a {role} in {industry} for {years} years and most of my week is already about {topic}.',
  'My manager suggested I look at {cert}, but I am not sure the exam matches what I do every day.',
  'The PMO in my company asks every project for a weekly report on {topic} and {topic2}.',
  'I volunteered to run a small internal project and learned more about {topic} than in any course.',
  'Recruiters keep asking whether I have led {topic} on a project with a real budget.',
  'In {industry}, a {role2} spends a lot of time with the steering committee and the sponsors.',
  'What would you focus on in the first ninety days as a {role2}?',
  'I can take a pay cut for a year if it gets me into a {role2} position.',
  'Our delivery teams use {methodology}, while the portfolio board still wants a {topic} for every change.',
  'Any advice on how to explain {topic} to stakeholders who never worked on projects?',
  'I passed {cert} last year, yet interviews focus on {topic} examples rather than the certificate.',
  'Experience with {topic} transfers well; the vocabulary is the part people need to learn.',
  'Start by mapping your current work to the {cert} knowledge areas and write down real examples.',
  'Ask to shadow the {role2} on {topic} for one release, then offer to take over the reporting.',
  'A mentor who has done the move from {role} to {role2} can review your CV line by line.',
  'Keep a log of decisions, risks and outcomes; it becomes your portfolio of evidence for {cert}.',
  'Small wins in {topic} build credibility faster than a long plan nobody reads.',
  'Hiring managers in {industry} care about budgets you owned and teams you coordinated.',
];

export const METHODOLOGIES = ['Scrum', 'Kanban', 'waterfall', 'SAFe', 'PRINCE2', 'hybrid delivery', 'Lean'];

/** The tag names, most used first: the generator draws them with a long-tail (Zipf) distribution. */
export const TAGS = [
  'career-change', 'project-management', 'pmo', 'pmp', 'interview', 'cv', 'agile', 'scrum', 'prince2', 'salary',
  'stakeholders', 'risk-management', 'certification', 'job-search', 'portfolio-management', 'program-management',
  'construction', 'it-projects', 'leadership', 'mentoring', 'reporting', 'budgeting', 'scheduling', 'governance',
  'kanban', 'safe', 'capm', 'pfmp', 'business-analysis', 'change-management', 'communication', 'estimation',
  'resource-planning', 'vendor-management', 'contracting', 'remote-work', 'first-job', 'promotion', 'negotiation',
  'burnout', 'tools', 'jira', 'ms-project', 'excel', 'okrs', 'benefits', 'quality', 'procurement', 'healthcare',
  'public-sector', 'banking', 'insurance', 'software', 'manufacturing', 'energy', 'telecoms', 'retail', 'education',
  'logistics', 'lessons-learned', 'retrospectives', 'product-owner', 'scrum-master', 'agile-coach', 'itil',
  'earned-value', 'critical-path', 'wbs', 'charter', 'raid-log', 'steering-committee', 'sponsors', 'soft-skills',
];
