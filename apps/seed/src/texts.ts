/**
 * Synthetic wording for the demo. None of it names a person: carers and members appear only as
 * pseudonyms and quotes only as "Carer, female, 8". The story follows DOMAIN.md's pilot.
 */

export const TRAINING_TOPICS = [
  'Moving and transferring safely',
  'Managing medicines at home',
  'Nutrition and hydration in old age',
  'Communicating with a person with dementia',
  'Preventing falls at home',
  'Skin care and pressure sores',
  'Stress management for carers',
  'Local services, allowances and how to apply',
  'First aid at home',
  'Continence care with dignity',
  'Sleep problems and night-time care',
  'Assistive devices and home adaptations',
  'Recognising delirium and acute confusion',
  'Caring at the end of life',
  'Mouth care and swallowing difficulties',
  'Looking after your own back',
  'Working with the GP and the district nurse',
  'Planning for emergencies and respite',
] as const;

export const PEER_TOPICS = [
  'Sharing fears about the future',
  'Guilt and asking for help',
  'When the person no longer recognises you',
  'Keeping a life of your own',
  'Family tensions around care',
  'Loneliness in the valley',
  'Anger, patience and tiredness',
  'Moving to a care home: deciding together',
  'Grief before the loss',
  'Small joys of caring',
  'Talking to children and grandchildren',
  'Nights without sleep',
] as const;

export const VENUES = {
  floor: 'Town hall meeting room, valley floor',
  upper: 'Parish hall, upper valley',
  facilityA: 'Common room of the first care facility',
  facilityB: 'Day centre of the second care facility',
  university: 'University field office, valley floor',
} as const;

export const VALLEY_AREAS = ['valley floor', 'upper valley', 'lower valley', 'side valley', 'high pastures'] as const;

export const ORGANISATION_CULTURES = {
  university:
    'Research groups work with autonomy per work package; quick calls and messages rather than minuted meetings; little supervision.',
  institute: 'Small applied-research team; flexible hours, remote work, coordination by short video calls.',
  agency:
    'Home-care cooperative: weekly team meetings with minutes, close supervision of care workers, clear written instructions.',
  facility:
    'Assisted-living home run in shifts; families met monthly; decisions go through the director and the head nurse.',
} as const;

export const COMMITTEE_GOALS = [
  { goalId: 'spokesperson', description: "Be the carers' spokesperson towards the partnership" },
  { goalId: 'carer-provider-contact', description: 'Encourage contact between carers and providers' },
  { goalId: 'own-structure', description: 'Define its own structure and rules' },
  { goalId: 'elect-representatives', description: 'Elect carers as representatives' },
  { goalId: 'organise-activities', description: 'Organise its own activities' },
  { goalId: 'communication-channel', description: 'Open a communication channel among carers' },
] as const;

export const DECLINE_NOTES: Partial<Record<string, readonly string[]>> = {
  mistrust: ['Did not know who the organisers were', 'Wary of strangers asking about the family', 'Asked who sent us'],
  no_substitute_carer: ['Nobody can stay with the patient during sessions'],
  no_time: ['Works full time besides caring'],
  patient_health: ['The patient was just discharged from hospital'],
};

export const MISSED_MEETING_REASONS = [
  'Provider staff shortage during the flu season; nobody could be spared',
  'No agenda circulated; the meeting was never convened',
  'Researchers at a conference; the date was not moved in time',
  'Snow closed the valley road',
] as const;

export const REFLEXIVE_NOTES = {
  co_design: [
    'Several families refused at first contact: they do not know the university. Going through the agency, whose care workers they know, works better.',
    'Roles between the university and the agency are not agreed yet: each assumed the other would follow up the carers who said yes.',
    "The second workshop came alive once carers saw the agency's coordinator, whom they already know.",
  ],
  pilot: [
    'Turnout dropped after two sessions were called off without asking the carers; the decision was ours, not theirs.',
    "The provider's team expects written instructions; our work packages run on their own. The monthly meeting feels like two cultures.",
    'Carers from the upper villages rarely come: the venue is the problem, not their interest.',
    'The committee ran its own agenda today; we only took notes.',
    'Evening sessions brought back carers who work during the day.',
    'Respite care during sessions is used by about a third of those attending.',
    'The trainers still slip into clinical words; carers nod and ask nothing.',
    'Reminder calls before each session take the coordinator most of a day.',
    'Word of mouth now brings more carers than any channel we pay for.',
  ],
  co_assessment: [
    'In the final workshop carers spoke of the peer meetings as the part they would keep.',
    "The committee's communication channel never took off: carers preferred to phone each other.",
    'Partners agree the roles were clear only from the second quarter of the pilot.',
  ],
} as const;

export const CONCERNS = {
  unclearRoles: 'Who recruits carers and who follows them up: the university or the agency?',
  meetingFormat:
    'Provider staff do not raise problems in the large in-person meeting; researchers would rather have quick calls.',
  coordination: 'The care facilities learn about cancelled sessions after the families do.',
  workload: 'Reminder calls to every carer before each session take the coordinator a day a week.',
} as const;

export const RESPONSIBILITIES = {
  university: [
    'Leads the research and the evaluation',
    'Chairs the citizens committee until it runs itself',
    'Runs co-design and co-assessment workshops',
  ],
  institute: ['Designs quizzes and surveys', 'Codes interviews and workshop transcripts'],
  agency: [
    'Runs the service: training courses and peer meetings',
    'Recruits carers and holds their contact details',
    'Provides the psychologist and the trainers',
  ],
  facility: ["Promotes the service to its residents' families", 'Hosts sessions in its common room'],
} as const;
