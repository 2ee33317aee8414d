/**
 * Realistic endings of sentences a writer is typing, with what completion must do there: the
 * words it replaces (never a word of the writer's before the term) and the entry it offers
 * first. Shared by the core, CLI and extension-host tests, so all three are held to one table.
 */
export interface CompletionCase {
  /** The text before the cursor. */
  readonly before: string;
  /** The words the completion replaces: the end of `before`. */
  readonly replaces: string;
  /** The id of the entry offered first. */
  readonly first: string;
}

export const COMPLETION_CASES: readonly CompletionCase[] = [
  // Misspellings after function words and ordinary words
  { before: 'Some people with rhuem', replaces: 'rhuem', first: 'rheumatoid-arthritis' },
  { before: 'Symptoms of rhuematoid arth', replaces: 'rhuematoid arth', first: 'rheumatoid-arthritis' },
  { before: 'Pain from carpel tun', replaces: 'carpel tun', first: 'carpal-tunnel' },
  { before: 'Living with lupis', replaces: 'lupis', first: 'systemic-lupus-erythematosus' },
  { before: 'Talk to your doctor about fatige', replaces: 'fatige', first: 'fatigue' },
  { before: 'This is called peripheral neuropaty', replaces: 'peripheral neuropaty', first: 'peripheral-neuropathy' },
  { before: 'The immune system attacks myelin in multple sclerosis', replaces: 'multple sclerosis', first: 'multiple-sclerosis' },
  { before: 'Treatment with corticosteriods', replaces: 'corticosteriods', first: 'corticosteroids' },
  { before: 'Pain in the wrist and hand from arthritus', replaces: 'arthritus', first: 'arthritis' },
  { before: 'Headaches and migrane', replaces: 'migrane', first: 'migraine' },
  { before: 'Trouble sleeping, or insomnia and anxeity', replaces: 'anxeity', first: 'anxiety' },
  { before: 'Depression and anxity', replaces: 'anxity', first: 'anxiety' },
  { before: 'Loss of smell, or anosm', replaces: 'anosm', first: 'anosmia' },
  // Half-typed words in the middle of a sentence
  { before: 'It may be neuropath', replaces: 'neuropath', first: 'neuropathy' },
  { before: 'The doctor checks the median ner', replaces: 'median ner', first: 'median-nerve' },
  { before: 'People with type 2 diab', replaces: 'type 2 diab', first: 'type-2-diabetes-mellitus' },
  { before: 'Signs of multiple scler', replaces: 'multiple scler', first: 'multiple-sclerosis' },
  { before: 'Many people with MS have fatigu', replaces: 'fatigu', first: 'fatigue' },
  { before: 'Tests such as an MRI or a nerve conduction stu', replaces: 'nerve conduction stu', first: 'nerve-conduction-study' },
  { before: 'Doctors may prescribe immunosupp', replaces: 'immunosupp', first: 'immunosuppressants' },
  { before: 'It can cause paresthesia and numbnes', replaces: 'numbnes', first: 'numbness' },
  { before: 'A blood test for autoantibod', replaces: 'autoantibod', first: 'autoantibody-blood-test' },
  { before: 'You may need an electromyogr', replaces: 'electromyogr', first: 'electromyography' },
  { before: 'Children with asthm', replaces: 'asthm', first: 'asthma' },
  { before: 'The kidneys and chronic kidney dis', replaces: 'chronic kidney dis', first: 'chronic-kidney-disease' },
  { before: 'Your thyroid and hypothyroid', replaces: 'hypothyroid', first: 'hypothyroidism' },
  { before: 'Chest pain and heart failur', replaces: 'heart failur', first: 'congestive-heart-failure' },
  { before: 'Some adults get osteoporosi', replaces: 'osteoporosi', first: 'osteoporosis' },
  { before: 'Smoking raises the risk of COPD and emphysem', replaces: 'emphysem', first: 'pulmonary-emphysema' },
  { before: 'Women with gestational diabet', replaces: 'gestational diabet', first: 'gestational-diabetes' },
  { before: 'Your doctor may order an ANA tes', replaces: 'ANA tes', first: 'antinuclear-antibody-test' },
  { before: 'He has trouble swallowing, or dysphag', replaces: 'dysphag', first: 'dysphagia' },
  { before: 'Inflammation of the joints, or arthrit', replaces: 'arthrit', first: 'arthritis' },
  // Lay terms of several words, after function words
  { before: 'A feeling of pins and nee', replaces: 'pins and nee', first: 'paresthesia' },
  { before: 'She had a heart att', replaces: 'heart att', first: 'myocardial-infarction' },
  { before: 'This can lead to kidney stone', replaces: 'kidney stone', first: 'nephrolithiasis' },
  { before: 'Stroke signs include facial drooping and slurred spee', replaces: 'slurred spee', first: 'dysarthria' },
  // List items, emphasis and punctuation before the term
  { before: '- tingling and sjogren', replaces: 'sjogren', first: 'sjogrens-syndrome' },
  { before: '* numbness, tingling and burnin', replaces: 'burnin', first: 'burning' },
  { before: '1. Blurry vis', replaces: 'Blurry vis', first: 'blurred-vision' },
  { before: '- a urinary tract infect', replaces: 'urinary tract infect', first: 'urinary-tract-infection' },
  { before: 'Ask about **high blood pres', replaces: 'high blood pres', first: 'hypertension' },
  { before: 'Dry eyes are common in Sjogrens synd', replaces: 'Sjogrens synd', first: 'sjogrens-syndrome' },
  // At the start of a sentence
  { before: 'Shortness of breat', replaces: 'Shortness of breat', first: 'dyspnea' },
  { before: 'Vitamin B12 defic', replaces: 'Vitamin B12 defic', first: 'vitamin-b12-deficiency' },
  { before: 'It is common. Rhuematoid arth', replaces: 'Rhuematoid arth', first: 'rheumatoid-arthritis' },
];
