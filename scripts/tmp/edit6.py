exec(open('/work/wt/catalog-fix/scripts/tmp/common.py').read())
a=A['venmo-public-feed-exposure-ended-2021']
a['sources'][2]['date']='2021'
s=a['sources'][3]; s['publisher']='exbulletin.com'; s['title']="exbulletin article on Venmo stopping its public worldwide feed"; s.pop('via',None)
a=A['venmo-ftc-settlement-2018']
a['summary']=L("The FTC alleged that Venmo payments were public by default on its social feed, with the names of both parties and the payment message, and that its privacy settings misled users. The complaint also covered fund availability and security promises. A proposed settlement with PayPal was announced on 27 February 2018.",
 "La FTC reprochait à Venmo de rendre les paiements publics par défaut sur son fil social, avec le nom des deux parties et le message du paiement, et d'induire en erreur sur ses réglages de confidentialité. La plainte portait aussi sur la disponibilité des fonds et les promesses de sécurité. Un projet d'accord avec PayPal a été annoncé le 27 février 2018.")
a['status']=a['status'][:1]
a['status'][0]['note']=L("The FTC announced a proposed consent order; the Federal Register notice of 5 March 2018 invited comments until 29 March. The final order is not covered by the sources read here.","La FTC a annoncé un projet d'ordonnance sur consentement ; l'avis au Federal Register du 5 mars 2018 ouvrait les commentaires jusqu'au 29 mars. L'ordonnance définitive n'est pas couverte par les sources lues ici.")
s=a['sources'][0]; s['publisher']='Lexology'; s['title']="Law-firm note on Lexology about the FTC's proposed settlement with PayPal over Venmo"; s.pop('via',None)
a['sources'][0]['excerpt']="On February 27, 2018, the Federal Trade Commission (“FTC”) announced a proposed administrative settlement with PayPal, Inc. over allegations that the company failed to make adequate disclosures to users regarding its Venmo peer-to-peer payment service. […] By default, Venmo transactions are displayed on Venmo’s social news feed (including names of sender and recipient, and, if provided purpose of transaction and accompanying message)."
a['sources'][2]['excerpt']=a['sources'][2]['excerpt']+" […] Misrepresented the security of users’ financial accounts, including that it provided “bank-grade security systems” when it did not"
assert len(a['sources'][2]['excerpt'])<=500
# 24 PayPal list
a=A['paypal-third-party-list-2018']
a['summary']=L("In January 2018 PayPal posted, for its European users, a list of more than 600 third parties that may receive customer data, to comply with EU data protection law. Recipients ranged from banks and payment processors to marketing firms; Facebook received device and advertising identifiers through its SDK, and Microsoft images for facial comparison.",
 "En janvier 2018, PayPal a publié pour ses utilisateurs européens une liste de plus de 600 tiers pouvant recevoir des données de clients, pour se conformer au droit européen. Les destinataires allaient des banques et processeurs de paiement aux sociétés de marketing ; Facebook recevait des identifiants d'appareil et publicitaires via son SDK, et Microsoft des images pour la comparaison faciale.")
a['parties']=['paypal','facebook','microsoft']
a['dataDetail']=L("Varies by recipient: names, contact details, account status, transaction information and, for some, ID images; for example, advertising and device IDs through the Facebook SDK.","Selon le destinataire : nom, coordonnées, statut du compte, informations de transaction et, pour certains, images de pièces d'identité ; par exemple, identifiants publicitaires et d'appareil via le SDK de Facebook.")
a['purpose']=L("PayPal's operations, fraud prevention and marketing, as described in its list; published to comply with EU data protection law.","Le fonctionnement de PayPal, la prévention de la fraude et le marketing, selon sa liste ; publiée pour se conformer au droit européen de la protection des données.")
a['status']=[step('confirmed','2018-01',0,by='paypal',dateOfReport=True,note=L("PayPal posted the spreadsheet at the beginning of January 2018; it was widely covered in March 2018. Later versions of the list exist but were not read for this check.","PayPal a publié le tableau début janvier 2018 ; il a été largement relayé en mars 2018. Des versions ultérieures existent mais n'ont pas été lues pour cette vérification."))]
a['sources']=[
 S('Fast Company',"How widely do companies share user data? Here’s a chilling glimpse",'2018',
   "A new tree diagram created by the designer and researcher Rebecca Ricks charts out all the different third parties with whom the online payment company PayPal “may” share the data of users who live in Europe. Based on a spreadsheet the company posted online at the beginning of January 2018 in order to comply with the EU’s strict data privacy laws […] PayPal apparently supplies the tech company with an image of a customer",
   url='https://www.fastcompany.com/90157501/how-widely-do-companies-share-user-data-heres-a-chilling-glimpse',desc=True),
 S('Schneier on Security',"The 600+ Companies PayPal Shares Your Data With",'2018-03',
   "Consider PayPal, that just released a list of over 600 companies they share customer data with. […] \"Advertising ID and device ID to segment user groups based on app behaviour, encrypted e-mail address associated with PayPal users (without indicating account relationship), IP Address, Anonymous ID generated by cookies, pixel tags or similar technologies embedded in webpages, ads and emails delivered to users. Mobile advertiser ID, IP Address and other metadata via Facebook SDK in mobile apps.\"",
   url='https://slashdot.mozz.us/stories/18/03/15/2224238/',via='Slashdot, 2018-03-15'),
]
# 25 Apple card
a=A['apple-goldman-apple-card-cfpb-2024']
a['summary']=L("The CFPB found that Apple failed to send Apple Card transaction disputes to Goldman Sachs, that Goldman mishandled investigations, and that both misled consumers about interest-free instalment plans. Orders of 23 October 2024 imposed a $25 million penalty on Apple and $45 million plus $19.8 million in redress on Goldman. The CFPB ended Apple's order early in September 2025.",
 "Le CFPB a constaté qu'Apple ne transmettait pas à Goldman Sachs les contestations d'opérations Apple Card, que Goldman traitait mal les enquêtes, et que tous deux induisaient en erreur sur les paiements échelonnés sans intérêts. Les ordonnances du 23 octobre 2024 ont imposé 25 millions de dollars d'amende à Apple et 45 millions plus 19,8 millions de remboursements à Goldman. Le CFPB a levé l'ordonnance visant Apple de manière anticipée en septembre 2025.")
a['dataDetail']=L("Cardholders' transaction disputes, submitted through the interfaces Apple designed on its devices and meant to reach Goldman Sachs.","Les contestations d'opérations des titulaires, soumises via les interfaces conçues par Apple sur ses appareils et destinées à Goldman Sachs.")
a['status']=[
 step('confirmed','2017-12',0,by='apple',note=L("Apple and Goldman Sachs entered an agreement to offer Apple Card in December 2017, the CFPB said; the launch date was not checked here.","Apple et Goldman Sachs ont conclu en décembre 2017 un accord pour proposer l'Apple Card, selon le CFPB ; la date de lancement n'a pas été vérifiée ici.")),
 step('ruled','2024-10-23',0,by='cfpb',subject='order',note=L("Apple: $25 million civil penalty. Goldman Sachs: $45 million civil penalty and $19.8 million in redress; it may not launch a new card without a credible compliance plan.","Apple : amende civile de 25 millions de dollars. Goldman Sachs : amende de 45 millions et 19,8 millions de remboursements ; pas de nouvelle carte sans plan de conformité crédible.")),
 step('ended','2025-09-22',1,by='cfpb',subject='order',note=L("The CFPB terminated Apple's order early, Apple having paid its penalty; Goldman Sachs's order was not ended. The Apple Card itself did not end.","Le CFPB a mis fin de manière anticipée à l'ordonnance visant Apple, qui avait payé son amende ; celle visant Goldman Sachs n'a pas été levée. L'Apple Card elle-même n'a pas pris fin.")),
]
a['sources']=[
 S('Consumer Financial Protection Bureau',"Apple Inc.",'2024-10-23',
   "In December 2017 Apple and Goldman Sachs Bank USA (Goldman) entered an agreement to offer Apple Card […] The Bureau found that Apple violated the Consumer Financial Protection Act of 2010 by failing to send transaction disputes to Goldman and in relation to its enrollment practices for Apple Card Monthly Installments. The order required Apple to pay a $25 million civil money penalty and to come into compliance with the law.",
   url='https://www.consumerfinance.gov/enforcement/actions/apple-inc/',primary=True),
 S('Consumer Financial Protection Bureau',"Apple Inc. enforcement page: termination of the order",'2025-09-22',
   "On September 22, 2025, pursuant to the Bureau’s authority under 12 U.S.C. § 5563(b)(3) and under Paragraph 83 of the order, the Bureau terminated the order and waived any alleged non-compliance therewith. […] The order against Goldman requires it to pay $19.8 million in redress to consumers and a $45 million civil money penalty and to come into compliance with the law.",
   url='https://www.consumerfinance.gov/enforcement/actions/apple-inc/',primary=True,desc=True),
 S('Bloomberg Law',"Apple, US Bank Latest to Exit CFPB Enforcement Actions Early",'2025-09-23',
   "Apple and Goldman also misled customers about interest-free payment plans for Apple devices, the CFPB alleged. The CFPB ordered Apple to pay a $25 million civil money penalty and subjected it to five years of compliance monitoring, while Goldman was ordered to pay nearly $20 million in customer redress and a $45 million fine. But the early termination relieves Apple from compliance monitoring after less than a year.",
   url='https://news.bloomberglaw.com/banking-law/apple-us-bank-latest-to-exit-cfpb-enforcement-actions-early'),
 S('The Bank Slate',"CFPB lifts consent orders against Apple, U.S. Bancorp",'2025-09',
   "The CFPB terminated an October 2024 consent order with Apple that had alleged that the tech giant failed to send thousands of Apple Card consumer disputes to partner bank Goldman Sachs. […] Goldman was also barred from launching another credit card until “it can provide a credible plan that the product will actually comply with the law.”",
   url='https://www.thebankslate.com/2025/09/cfpb-lifts-consent-orders-against-apple-u-s-bancorp'),
]
json.dump(d, open(P,'w'), ensure_ascii=False, indent=2); open(P,'a').write('\n')
print('ok')
