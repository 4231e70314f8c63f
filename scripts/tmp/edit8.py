exec(open('/work/wt/catalog-fix/scripts/tmp/common.py').read())
a=A['cfpb-personal-financial-data-rights-1033-2024']
a['summary']=L("The CFPB's final rule under Dodd-Frank Section 1033 (12 CFR Part 1033, published 18 November 2024) requires banks and card issuers to give consumers, and third parties they authorise, their covered data in electronic form, free of charge. The CFPB began reconsidering it in August 2025; on 29 October 2025 a federal court in Kentucky enjoined its enforcement until that reconsideration ends.",
 "La règle finale du CFPB prise en application de la section 1033 de la loi Dodd-Frank (12 CFR Part 1033, publiée le 18 novembre 2024) oblige banques et émetteurs de cartes à fournir gratuitement aux consommateurs, et aux tiers qu'ils autorisent, leurs données sous forme électronique. Le CFPB a engagé son réexamen en août 2025 ; le 29 octobre 2025, un tribunal fédéral du Kentucky en a suspendu l'application jusqu'à la fin de ce réexamen.")
a['parties']=['cfpb']
a['status']=[
 step('proposed','2023-10',0,by='cfpb',note=L("The CFPB released the proposed rule on 19 October 2023.","Le CFPB a publié le projet de règle le 19 octobre 2023.")),
 step('ruled','2024-10-22',0,by='cfpb',subject='rule',note=L("Final rule released on 22 October 2024 and published in the Federal Register on 18 November 2024 (FR Doc 2024-25079, cited as 89 FR 90838), effective 17 January 2025. Banking groups sued to block it.","Règle finale publiée le 22 octobre 2024 et au Federal Register le 18 novembre 2024 (FR Doc 2024-25079, citée 89 FR 90838), en vigueur le 17 janvier 2025. Des groupements bancaires l'ont contestée en justice.")),
 step('proposed','2025-08',2,by='cfpb',subject='rule',note=L("Advance notice of proposed rulemaking to reconsider the rule; comments were due by 21 October 2025.","Avis préalable de projet de réglementation pour réexaminer la règle ; commentaires attendus avant le 21 octobre 2025.")),
 step('ruled','2025-10-29',3,subject='rule',note=L("The US District Court for the Eastern District of Kentucky (Forcht Bank, N.A. v. CFPB) issued a preliminary injunction barring the CFPB from enforcing the rule until it completes its reconsideration, pausing the compliance deadlines.","Le tribunal fédéral du district Est du Kentucky (Forcht Bank, N.A. v. CFPB) a prononcé une injonction préliminaire interdisant au CFPB d'appliquer la règle jusqu'à la fin de son réexamen, suspendant les échéances de mise en conformité.")),
]
a['sources']=[
 S('Consumer Financial Protection Bureau',"Required Rulemaking on Personal Financial Data Rights",'2024-10-22',
   "On October 22, 2024, the CFPB released a Final Rule for the Required Rulemaking on Personal Financial Data Rights. The final rule requires data providers to make covered data regarding covered financial products and services available to consumers and authorized third parties in an electronic form, subject to a number of requirements. […] On October 19, 2023, the CFPB released the Notice of Proposed Rulemaking",
   url='https://www.consumerfinance.gov/personal-financial-data-rights/',primary=True),
 S('Federal Register',"Required Rulemaking on Personal Financial Data Rights",'2024-11-18',
   "Nov 18, 2024 2024-25079 Final Rule Required Rulemaking on Personal Financial Data Rights […] Document Number2024-25079 TypeFinal Rule PublishedNov 18, 2024 Effective DateJan 17, 2025",
   url='https://www.federalregister.gov/documents/2024/11/18/2024-25079/required-rulemaking-on-personal-financial-data-rights',via='frtracker.app (index of the Federal Register)',primary=True),
 S('Federal Register',"Personal Financial Data Rights Reconsideration",'2025-08',
   "The Consumer Financial Protection Bureau (CFPB or Bureau) is seeking comments and data to inform its consideration of four issues related to implementation of section 1033 of the Dodd-Frank Wall Street Reform and Consumer Protection Act (Dodd-Frank Act). […] Comments must be received on or before October 21, 2025.",
   url='https://lexbuild.dev/fr/2025/08/2025-16139',via='lexbuild.dev (copy)',primary=True),
 S('Cooley',"Court Enjoins CFPB’s Open Banking Rule Pending New Rulemaking",'2025-10',
   "On October 29, 2025, the US District Court for the Eastern District of Kentucky issued a preliminary injunction that prevents the Consumer Financial Protection Bureau (CFPB) from enforcing its Personal Financial Data Rights (PFDR) final rule until the CFPB completes its new rulemaking.",
   url='https://finsights.cooley.com/court-enjoins-cfpbs-open-banking-rule-pending-new-rulemaking'),
 S('ABA Banking Journal',"Kentucky federal court enjoins CFPB from enforcing current 1033 final rule",'2025-11',
   "Forcht Bank, N.A. v. Consumer Financial Protection Bureau Date: Oct. 29, 2025 Issue: Whether the Consumer Financial Protection Bureau’s 1033 final rule exceeds its statutory authority and violates the Administrative Procedure Act (APA). Case Summary: Judge Danny Reeves of the Eastern District of Kentucky issued a preliminary injunction preventing CFPB from enforcing its 1033 final rule.",
   url='https://bankingjournal.aba.com/2025/11/kentucky-federal-court-enjoins-cfpb-from-enforcing-current-1033-final-rule',desc=True),
]
# 30 PSD2
a=A['eu-psd2-edpb-guidelines']
a['status']=[
 step('proposed','2020-07-22',2,by='edpb',note=L("Guidelines 06/2020 published for public consultation, after an EDPB letter on PSD2 of 5 July 2018. The application date of PSD2 itself was not checked in the sources.","Lignes directrices 06/2020 publiées pour consultation publique, après une lettre du CEPD sur la DSP2 du 5 juillet 2018. La date d'application de la DSP2 elle-même n'a pas été vérifiée dans les sources.")),
]
a['sources']=[
 S('European Data Protection Board',"Guidelines 06/2020 on the interplay of the Second Payment Services Directive and the GDPR",'2020-07',
   "On July 5 2018, the EDPB issued a letter regarding the PSD2, in which the EDPB provided clarifications on questions concerning the protection of personal data in relation to the PSD2, in particular on the processing of personal data of non-contracting parties (so called ‘silent partydata’) by account information service providers (hereinafter “AISPs”) and payment initiation service providers (hereinafter “PISPs”)",
   url='https://privacad.com/privacy-guidelines-on-interplay-of-the-second-payment-services-directive-and-the-gdpr-version-for-public-consultation/',via='privacad.com (copy of the consultation version)',primary=True),
 S('Herzog',"The European Data Protection Board has Adopted Guidelines on the Interplay between the PSD2 and the GDPR",'2020-07-23',
   "The European Data Protection Board (“EDPB“) has adopted and submitted for public comments its guidelines regarding the interplay between the Second Payment Services Directive (“PSD2“) and the General Data Protection Regulation (“GDPR“). […] The guidelines address the following main issues: processing of special categories of data, lawful grounds for granting access to payment account information and for further processing, explicit consent, processing of silent party data",
   url='https://herzoglaw.co.il/en/news-and-insights/the-european-data-protection-board-has-adopted-guidelines-on-the-interplay-between-the-psd2-and-the-gdpr'),
 S('LinkedIn (Zsolt)',"Comments on the draft Guidelines 6/2020 of the European Data Protection Board",'2020',
   "On 22 July 2020, the European Data Protection Board published its draft Guidelines 6/2020[1] “on the interplay of the Second Payment Services Directive and the GDPR” (hereinafter referred to as Draft Guidelines or Draft).",
   url='https://dhirubhai.net/pulse/comments-draft-guidelines-62020-european-data-board-zsolt',via='copy'),
]
a['summary']=L("PSD2 requires banks to give licensed account-information and payment-initiation providers access to payment accounts when the customer consents. The EDPB's Guidelines 06/2020, published for consultation on 22 July 2020, explain how this fits with the GDPR: explicit consent, limits on further processing, and data about \"silent parties\".",
 "La DSP2 oblige les banques à donner aux prestataires agréés d’information sur les comptes et d’initiation de paiement l’accès aux comptes de paiement, avec le consentement du client. Les lignes directrices 06/2020 du CEPD (EDPB), publiées pour consultation le 22 juillet 2020, précisent l’articulation avec le RGPD : consentement explicite, limites aux traitements ultérieurs et données des « parties silencieuses ».")
json.dump(d, open(P,'w'), ensure_ascii=False, indent=2); open(P,'a').write('\n')
print('ok')
